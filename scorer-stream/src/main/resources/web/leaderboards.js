// The leaderboards page: the global or a topic's leaders, refreshed while the scorer runs.
import { api, element, profileUrl, showMessage } from './api.js';

const LIMIT = 20;
const REFRESH_MS = 5000;

async function loadTopics(topicPicker) {
  const { topics } = await api.topics();
  const chosen = topicPicker.value;
  for (const option of [...topicPicker.options].slice(1)) {
    option.remove();
  }
  for (const { topic, users } of topics) {
    const option = element('option', null, `${topic} (${users})`);
    option.value = topic;
    topicPicker.append(option);
  }
  topicPicker.value = topics.some(t => t.topic === chosen) ? chosen : '';
}

async function loadLeaders(topicPicker) {
  const topic = topicPicker.value;
  const board = topic ? await api.topicLeaders(topic, LIMIT) : await api.leaders(LIMIT);
  const list = document.getElementById('leaders');
  list.replaceChildren(...board.leaders.map(place => {
    const item = element('li', 'leader');
    const link = element('a', 'user', place.userId);
    link.href = profileUrl(place.userId);
    item.append(element('span', 'rank', `${place.rank}`), link, element('span', 'points', place.score.toFixed(2)));
    return item;
  }));
  if (board.partial) {
    // An instance is down or its partitions are moving: the others' best are shown, and said to be incomplete.
    showMessage(`Some people are missing for now (partitions ${board.missingPartitions.join(', ')} are moving between instances). Trying again.`);
  } else if (board.leaders.length === 0) {
    showMessage('Nobody has a score yet. Scores appear as soon as the scorer sees engagement.');
  } else {
    showMessage('');
  }
  document.getElementById('updated').textContent =
    `${board.users.toLocaleString('en')} people scored · updated ${new Date().toLocaleTimeString('en-GB')}`;
}

/** Fills the leaderboards page and keeps it up to date while the scorer runs. */
export async function showLeaderboards() {
  document.title = 'Influence · Leaderboards';
  const topicPicker = document.getElementById('topic');
  const refresh = async () => {
    try {
      await loadTopics(topicPicker);
      await loadLeaders(topicPicker);
    } catch (e) {
      showMessage(e.message);
    }
  };
  topicPicker.addEventListener('change', () => loadLeaders(topicPicker).catch(e => showMessage(e.message)));
  await refresh();
  setInterval(refresh, REFRESH_MS);
}
