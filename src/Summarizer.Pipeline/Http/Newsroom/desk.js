// The desk view: every article and its status, newest first, filtered by status, actor and headline, refreshing
// itself while anything is still being processed.

import { badge, el, inProgress, say, when } from './dom.js';

const refreshMilliseconds = 3000;
const typingPauseMilliseconds = 350;
/** An upload the desk never sees settle (deleted meanwhile) stops being waited for after this long. */
const pendingLimitMilliseconds = 5 * 60 * 1000;

export class Desk {
  constructor({ api, statusFilter, actorFilter, headlineSearch, list, state, error }) {
    Object.assign(this, { api, statusFilter, actorFilter, headlineSearch, list, state, error });
    this.rows = new Map();
    this.items = [];
    this.complete = true;
    /** Ids uploaded from this page whose outcome the desk has not seen yet: id → when uploaded. */
    this.pending = new Map();
    this.generation = 0;
    this.timer = null;
    this.active = false;

    statusFilter.addEventListener('change', () => this.load());
    let typing = null;
    actorFilter.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => this.load(), typingPauseMilliseconds);
    });
    headlineSearch.addEventListener('input', () => this.render());
    statusFilter.form.addEventListener('submit', event => {
      event.preventDefault();
      this.load();
    });
  }

  show() {
    this.active = true;
    return this.load();
  }

  hide() {
    this.active = false;
    clearTimeout(this.timer);
  }

  /** An upload from this page was accepted: show it, and keep refreshing until it is summarized or failed. */
  track(id) {
    this.pending.set(id, Date.now());
    if (this.active) {
      this.load();
    }
  }

  async load() {
    const generation = ++this.generation;
    clearTimeout(this.timer);
    let stop = false;
    try {
      const status = this.statusFilter.value;
      const actor = this.actorFilter.value.trim();
      const [articles, byActor] = await Promise.all([
        this.api.listAll('articles', { status }),
        actor ? this.api.listAll('summaries', { actor }) : null,
      ]);
      await this.settlePending(articles.items);
      if (generation !== this.generation) {
        return;
      }
      const actorIds = byActor && new Set(byActor.items.map(item => item.id));
      this.items = articles.items
        .filter(item => !actorIds || actorIds.has(item.id))
        .sort((a, b) => timeOf(b) - timeOf(a) || a.id.localeCompare(b.id));
      this.complete = articles.complete && (!byActor || byActor.complete);
      say(this.error, '');
      this.render();
    } catch (problem) {
      if (generation !== this.generation) {
        return;
      }
      // The last list stays on screen; the problem says what went wrong and what to do.
      say(this.error, problem.message);
      stop = problem.status === 401;
    }
    const working = this.items.some(item => inProgress(item.status)) || this.pending.size > 0;
    if (this.active && working && !stop) {
      this.timer = setTimeout(() => this.load(), refreshMilliseconds);
    }
  }

  /** Forgets the uploads whose outcome is known, asking for the ones a status filter hides from the list. */
  async settlePending(listed) {
    const byId = new Map(listed.map(item => [item.id, item]));
    for (const [id, since] of [...this.pending]) {
      let item = byId.get(id);
      if (!item && this.statusFilter.value) {
        // Unknown for now (a failed request included): asked again on the next refresh.
        item = await this.api.json(`articles/${encodeURIComponent(id)}`).catch(() => null);
      }
      if ((item && !inProgress(item.status)) || Date.now() - since > pendingLimitMilliseconds) {
        this.pending.delete(id);
      }
    }
  }

  /** Updates the list in place (rows keyed by id) so keyboard focus survives every refresh. */
  render() {
    const query = this.headlineSearch.value.trim().toLocaleLowerCase();
    const shown = this.items.filter(item => !query || headlineOf(item).toLocaleLowerCase().includes(query));
    const focused = document.activeElement;
    const keep = new Set();
    shown.forEach((item, index) => {
      let row = this.rows.get(item.id);
      if (!row) {
        row = createRow(item.id);
        this.rows.set(item.id, row);
      }
      updateRow(row, item);
      keep.add(item.id);
      const at = this.list.children[index];
      if (at !== row.element) {
        this.list.insertBefore(row.element, at ?? null);
      }
    });
    for (const [id, row] of this.rows) {
      if (!keep.has(id)) {
        row.element.remove();
        this.rows.delete(id);
      }
    }
    if (focused && focused !== document.activeElement && focused.isConnected) {
      focused.focus();
    }
    this.state.textContent = this.describe(shown);
  }

  describe(shown) {
    const filtered = this.statusFilter.value || this.actorFilter.value.trim() || this.headlineSearch.value.trim();
    if (shown.length === 0) {
      return filtered ? 'No articles match these filters.' : 'No articles yet: upload one above.';
    }
    const count = `${shown.length} ${shown.length === 1 ? 'article' : 'articles'}${filtered ? ' match' + (shown.length === 1 ? 'es' : '') : ''}`;
    const partial = this.complete ? '' : ' (the list was cut short: narrow it with a filter)';
    const working = shown.some(item => inProgress(item.status)) ? '; updating while work is in progress' : '';
    return `${count}${partial}${working}.`;
  }
}

const headlineOf = item => item.headline || item.blobName || item.id;
const timeOf = item => Date.parse(item.updatedAt ?? '') || 0;

function createRow(id) {
  const link = el('a', { class: 'article-link', href: `#/articles/${encodeURIComponent(id)}` });
  const status = el('span', { class: 'badge' });
  const reason = el('p', { class: 'reason' });
  const time = el('time');
  const meta = el('p', { class: 'article-meta' }, el('span', { class: 'article-id' }, id), ' · updated ', time);
  const element = el('li', { class: 'article', 'data-id': id },
    el('div', { class: 'article-head' }, link, status), reason, meta);
  return { element, link, status, reason, time };
}

function updateRow(row, item) {
  row.element.dataset.status = item.status;
  row.link.textContent = headlineOf(item);
  badge(row.status, item.status);
  say(row.reason, item.status === 'failed' ? item.reason || 'Failed; no reason was recorded.' : '');
  row.time.dateTime = item.updatedAt ?? '';
  row.time.textContent = when(item.updatedAt);
}
