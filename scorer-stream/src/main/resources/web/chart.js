// A small SVG chart of a user's days: the score as a line with a point a day, the engagement received
// each day as bars behind it. Hand-written: a chart library would weigh more than the whole page.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 720;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 28, left: 36 };

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  return node;
}

const engagementOf = day => Object.values(day.engagements).reduce((sum, count) => sum + count, 0);

/** Draws {@code days} (the history API's days, oldest first) into {@code container}. */
export function drawHistory(container, days) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = innerWidth / Math.max(days.length, 1);
  const scores = days.map(day => day.score).filter(score => score !== null);
  const top = Math.min(100, Math.max(10, Math.ceil(Math.max(...scores, 0) / 10) * 10));
  const mostEngagement = Math.max(1, ...days.map(engagementOf));
  const x = index => MARGIN.left + step * (index + 0.5);
  const y = score => MARGIN.top + innerHeight * (1 - score / top);

  const first = days[0]?.day ?? '';
  const last = days[days.length - 1]?.day ?? '';
  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'history',
    'aria-label': `Score per day from ${first} to ${last}: from ${scores[0] ?? 'none'} to ${scores[scores.length - 1] ?? 'none'}.`,
  });
  for (const tick of [0, top / 2, top]) {
    chart.append(svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick), class: 'grid' }));
    const label = svg('text', { x: MARGIN.left - 6, y: y(tick) + 4, class: 'axis', 'text-anchor': 'end' });
    label.textContent = `${tick}`;
    chart.append(label);
  }
  days.forEach((day, index) => {
    const engagement = engagementOf(day);
    if (engagement > 0) {
      const height = innerHeight * 0.4 * engagement / mostEngagement;
      const bar = svg('rect', { x: x(index) - step * 0.35, width: step * 0.7, y: MARGIN.top + innerHeight - height, height, class: 'bar' });
      bar.append(Object.assign(svg('title', {}), { textContent: `${day.day}: ${engagement} engagements` }));
      chart.append(bar);
    }
  });
  const scored = days.map((day, index) => ({ day, index })).filter(({ day }) => day.score !== null);
  if (scored.length > 0) {
    chart.append(svg('polyline', { points: scored.map(({ day, index }) => `${x(index)},${y(day.score)}`).join(' '), class: 'line' }));
    for (const { day, index } of scored) {
      const point = svg('circle', { cx: x(index), cy: y(day.score), r: 3, class: 'point' });
      point.append(Object.assign(svg('title', {}), { textContent: `${day.day}: ${day.score}` }));
      chart.append(point);
    }
  }
  for (const [index, anchor] of [[0, 'start'], [days.length - 1, 'end']]) {
    if (days[index]) {
      const label = svg('text', { x: anchor === 'start' ? MARGIN.left : WIDTH - MARGIN.right, y: HEIGHT - 8, class: 'axis', 'text-anchor': anchor });
      label.textContent = days[index].day;
      chart.append(label);
    }
  }
  container.replaceChildren(chart);
}
