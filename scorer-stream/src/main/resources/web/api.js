// The public /v1 API, as the page reads it: one function per call, and an error a person can read.

/** A failed call: the API's JSON error message, or what went wrong on the way. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function get(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(0, 'unreachable', 'The scorer does not answer. Is it running?');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    // A proxy's HTML error page, or an empty answer: the status says enough.
  }
  if (!response.ok) {
    if (response.status === 503) {
      throw new ApiError(503, 'unavailable', 'The scorer is starting or restoring its state. This page tries again in a few seconds.');
    }
    throw new ApiError(response.status, body?.error ?? 'error', body?.message ?? `The scorer answered ${response.status}.`);
  }
  return body;
}

const user = id => `/v1/users/${encodeURIComponent(id)}`;

export const api = {
  leaders: limit => get(`/v1/leaders?limit=${limit}`),
  topicLeaders: (topic, limit) => get(`/v1/topics/${encodeURIComponent(topic)}/leaders?limit=${limit}`),
  topics: () => get('/v1/topics'),
  user: id => get(user(id)),
  history: (id, days) => get(`${user(id)}/history?days=${days}`),
  explain: id => get(`${user(id)}/explain`),
  accounts: id => get(`${user(id)}/accounts`),
};

/** The search box of every page: jumps to the profile of the user id typed. */
export function wireSearch() {
  const form = document.getElementById('search');
  form.addEventListener('submit', event => {
    event.preventDefault();
    const id = form.elements.user.value.trim();
    if (id) {
      window.location.href = profileUrl(id);
    }
  });
}

export function profileUrl(userId) {
  return `/u/${encodeURIComponent(userId)}`;
}

/** Shows {@code text} in the page's message line, or hides it when text is empty. */
export function showMessage(text) {
  const message = document.getElementById('message');
  message.textContent = text ?? '';
  message.hidden = !text;
}

/** Creates an element with a class and text, the way every list on the pages is built. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}
