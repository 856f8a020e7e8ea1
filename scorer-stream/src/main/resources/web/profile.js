// A person's profile: their score and how it moved, their history, topics, networks, linked accounts,
// and who lifted them, from /v1/users/{userId} and its history, explain and accounts.
import { ApiError, api, element, profileUrl, showMessage } from './api.js';
import { drawHistory } from './chart.js';

const HISTORY_DAYS = 90;
const RETRY_MS = 5000;

function change(days, back) {
  const scored = days.filter(day => day.score !== null);
  if (scored.length === 0) {
    return null;
  }
  const latest = days[days.length - 1].score;
  const before = days.length > back ? days[days.length - 1 - back].score : null;
  return before === null ? null : latest - before;
}

function showChange(id, label, delta) {
  const node = document.getElementById(id);
  if (delta === null) {
    node.textContent = `${label}: new`;
    node.className = 'change';
    return;
  }
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  node.textContent = `${label}: ${sign}${Math.abs(delta).toFixed(2)}`;
  node.className = `change ${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}`;
}

function fillBars(id, entries, empty) {
  const list = document.getElementById(id);
  const most = Math.max(1, ...entries.map(([, value]) => value));
  list.replaceChildren(...entries.map(([name, value, shown]) => {
    const item = element('li');
    const meter = element('span', 'meter');
    meter.style.width = `${Math.round(100 * value / most)}%`;
    item.append(element('span', 'name', name), element('span', 'value', shown), meter);
    return item;
  }));
  if (entries.length === 0) {
    list.append(element('li', 'quiet', empty));
  }
}

function fillList(id, items, empty) {
  const list = document.getElementById(id);
  list.replaceChildren(...items);
  if (items.length === 0) {
    list.append(element('li', 'quiet', empty));
  }
}

function userLink(id) {
  const link = element('a', null, id);
  link.href = profileUrl(id);
  return link;
}

async function load(userId) {
  document.getElementById('user').textContent = userId;
  document.title = `Influence · ${userId}`;
  try {
    const [score, history, explanation, linked] = await Promise.all([
      api.user(userId), api.history(userId, HISTORY_DAYS), api.explain(userId), api.accounts(userId)]);
    showMessage('');
    document.getElementById('profile').hidden = false;
    document.getElementById('score').textContent = score.score.toFixed(2);
    document.getElementById('as-of').textContent = `as of ${new Date(score.updatedAt).toLocaleString('en-GB')}`;
    showChange('change-1d', '1 day', change(history.days, 1));
    showChange('change-7d', '7 days', change(history.days, 7));
    drawHistory(document.getElementById('chart'), history.days);
    fillBars('topics', score.topics.map(t => [t.topic, t.score, t.score.toFixed(2)]), 'No topic yet: topics come from what engages this person.');
    fillBars('networks', score.networks.map(n => [n.network, n.influence, `influence ${n.influence}`]), 'No network yet.');
    fillList('accounts', linked.accounts.map(a => element('li', null, `${a.network}: ${a.account}`)),
      'None linked. Link this person\'s accounts on other networks to count them in one score.');
    fillList('contributors', explanation.topContributors.map(c => {
      const item = element('li');
      item.append(userLink(c.actorId), element('span', 'quiet', ` +${c.points.toFixed(2)} points`));
      return item;
    }), 'Nobody yet.');
    fillList('causes', explanation.recentCauses.map(c => {
      const item = element('li');
      item.append(element('span', 'type', c.type), ' from ', userLink(c.actorId),
        element('span', 'quiet', ` · ${new Date(c.occurredAt).toLocaleString('en-GB')}`));
      return item;
    }), 'Nothing yet.');
  } catch (e) {
    document.getElementById('profile').hidden = true;
    if (e instanceof ApiError && e.status === 404) {
      showMessage(`No score for ${userId} yet. A score appears once someone shares, mentions or replies to them.`);
    } else {
      showMessage(e.message);
      if (!(e instanceof ApiError) || e.status === 503 || e.status === 0) {
        setTimeout(() => load(userId), RETRY_MS);
      }
    }
  }
}

/** Fills the profile page with {@code userId}'s score, history, topics, networks and contributors. */
export async function showProfile(userId) {
  document.getElementById('search').elements.user.value = userId;
  await load(userId);
}
