// Shows the page the address asks for: a profile at /u/{userId}, the leaderboards anywhere else.
import { wireSearch } from './api.js';

const profile = window.location.pathname.startsWith('/u/');
const page = document.getElementById(profile ? 'profile-page' : 'leaderboards-page');
document.getElementById('page').replaceChildren(page.content.cloneNode(true));
wireSearch();
if (profile) {
  const { showProfile } = await import('./profile.js');
  await showProfile(decodeURIComponent(window.location.pathname.slice('/u/'.length)));
} else {
  const { showLeaderboards } = await import('./leaderboards.js');
  await showLeaderboards();
}
