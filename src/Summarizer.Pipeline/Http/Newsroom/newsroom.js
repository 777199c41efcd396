// The newsroom page: upload articles, watch them on the desk, read each summary beside its text.
// Plain ES modules, no build step; everything comes from where the page is served.

import { Api, apiBase } from './http.js';
import { Desk } from './desk.js';
import { SummaryView } from './summary.js';
import { setUpUploads } from './upload.js';

const $ = id => document.getElementById(id);
const api = new Api(apiBase(import.meta.url));

const desk = new Desk({
  api,
  statusFilter: $('status-filter'),
  actorFilter: $('actor-filter'),
  headlineSearch: $('headline-search'),
  list: $('article-list'),
  state: $('desk-state'),
  error: $('desk-error'),
});
const summary = new SummaryView({ api, byId: $ });
setUpUploads({
  api,
  dropZone: $('drop-zone'),
  input: $('file-input'),
  list: $('upload-list'),
  onAccepted: id => desk.track(id),
});

// The access key (Azure's function key): asked for when the API answers 401, kept for this tab only.
const showKeyState = () => {
  $('key-state').hidden = !api.key;
};
api.onKeyNeeded = refusedKey => {
  $('key-explanation').textContent = refusedKey
    ? 'The access key was refused: it may be mistyped or no longer valid. Paste the key your newsroom was given.'
    : 'This service only answers with an access key (a function key). Paste the key your newsroom was given; ' +
      'it is kept in this browser tab only, until the tab is closed.';
  showKeyState();
  if ($('key-panel').hidden) {
    $('key-panel').hidden = false;
    $('key-input').focus();
  }
};
$('key-form').addEventListener('submit', event => {
  event.preventDefault();
  api.key = $('key-input').value.trim();
  $('key-input').value = '';
  $('key-panel').hidden = true;
  showKeyState();
  route();
});
$('forget-key').addEventListener('click', () => {
  api.key = null;
  showKeyState();
  $('file-input').focus();
});
showKeyState();

// Two views, chosen by the address's fragment: #/ (the desk) and #/articles/{id} (one summary).
let lastArticle = null;
function route(moveFocus = false) {
  const match = /^#\/articles\/(.+)$/.exec(location.hash);
  let id = null;
  try {
    id = match && decodeURIComponent(match[1]);
  } catch {
    id = null;
  }
  $('desk-view').hidden = Boolean(id);
  $('summary-view').hidden = !id;
  if (id) {
    desk.hide();
    lastArticle = id;
    document.title = `${id} · Summarizer newsroom`;
    summary.show(id);
    if (moveFocus) {
      $('summary-heading').focus();
    }
    return;
  }
  summary.hide();
  document.title = 'Summarizer newsroom';
  desk.show();
  if (moveFocus) {
    // Back on the desk, keyboard users continue from the article they had opened.
    const row = lastArticle && document.querySelector(`#article-list li[data-id="${CSS.escape(lastArticle)}"] a`);
    (row || $('desk-heading')).focus();
  }
}
window.addEventListener('hashchange', () => route(true));
route();
