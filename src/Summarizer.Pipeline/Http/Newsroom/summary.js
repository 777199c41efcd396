// The summary view: one article's headline, abstract and four lists, each item with its evidence; choosing an item
// highlights its quote in the cleaned article text beside the lists. A failed article shows why, and Retry where a
// retry can help.

import { badge, el, inProgress, say } from './dom.js';

const refreshMilliseconds = 2000;

export class SummaryView {
  constructor({ api, byId }) {
    this.api = api;
    this.$ = byId;
    this.generation = 0;
    this.timer = null;
    this.text = null;
    this.$('retry-button').addEventListener('click', () => this.retry());
    this.$('summary-json').addEventListener('click', event => this.openJson(event));
  }

  async show(id) {
    this.hide();
    this.id = id;
    const generation = this.generation;
    const $ = this.$;
    $('summary-heading').textContent = id;
    $('summary-id').textContent = id;
    badge($('summary-status'), 'loading');
    for (const name of ['summary-error', 'summary-progress', 'retry-state', 'text-error']) {
      say($(name), '');
    }
    $('summary-failure').hidden = true;
    $('summary-body').hidden = true;
    $('summary-json').hidden = true;
    await this.load(generation);
  }

  hide() {
    this.generation++;
    clearTimeout(this.timer);
  }

  async load(generation) {
    const $ = this.$;
    const path = encodeURIComponent(this.id);
    try {
      const status = await this.api.json(`articles/${path}`);
      if (generation !== this.generation) {
        return;
      }
      $('summary-heading').textContent = status.headline || status.blobName || this.id;
      badge($('summary-status'), status.status);
      $('summary-failure').hidden = status.status !== 'failed';
      if (status.status === 'failed') {
        // A failure at the clean stage is the upload itself (empty, binary, no article text): only a new upload helps.
        const uploadIsBad = status.stage === 'clean' && !status.retryable;
        say($('summary-reason'), status.reason || 'It failed; no reason was recorded.');
        say($('summary-advice'), uploadIsBad ? 'Fix the file and upload it again under the same name.' : '');
        $('retry-button').hidden = !status.retryable;
        $('retry-button').disabled = false;
      }
      say($('summary-progress'), inProgress(status.status)
        ? `This article is ${status.status}; its summary appears here as soon as it is ready.`
        : '');
      if (inProgress(status.status)) {
        this.timer = setTimeout(() => this.load(generation), refreshMilliseconds);
        return;
      }
      if (status.status !== 'summarized') {
        return;
      }
      const [summary, cleaned] = await Promise.all([
        this.api.json(`summaries/${path}`),
        // The lists are worth showing even when the text is not: its problem is shown beside them.
        this.api.json(`articles/${path}/cleaned`).catch(problem => problem),
      ]);
      if (generation !== this.generation) {
        return;
      }
      this.render(summary, cleaned);
    } catch (problem) {
      if (generation === this.generation) {
        say($('summary-error'), problem.message);
      }
    }
  }

  render(summary, cleaned) {
    const $ = this.$;
    $('summary-heading').textContent = summary.headline || this.id;
    say($('summary-abstract'), summary.abstract);
    const json = $('summary-json');
    json.href = this.api.url(`summaries/${encodeURIComponent(this.id)}`);
    json.hidden = false;

    this.text = cleaned instanceof Error ? null : cleaned.text ?? '';
    say($('text-error'), cleaned instanceof Error ? `The article text cannot be shown: ${cleaned.message}` : '');
    $('cleaned-text').replaceChildren(this.text ?? '');
    say($('highlight-state'), '');

    const lists = [
      ['actors', summary.actors, actor => [actor.name, [actor.kind, actor.role].filter(Boolean).join(' · ')]],
      ['conditions', summary.conditions, condition => [condition.holder, condition.text]],
      ['venues', summary.venues, venue => [venue.name, venue.status]],
      ['open-questions', summary.openQuestions, question => [question.question, '']],
    ];
    for (const [name, items, describe] of lists) {
      const list = $(name);
      list.replaceChildren();
      for (const item of items ?? []) {
        const [title, detail] = describe(item);
        list.append(el('li', {}, this.itemButton(title, detail, item.evidence)));
      }
      if (list.children.length === 0) {
        list.append(el('li', { class: 'empty' }, 'None found in this article.'));
      }
    }
    $('summary-body').hidden = false;
  }

  itemButton(title, detail, evidence) {
    const button = el('button', { type: 'button', class: 'evidence-item', 'aria-pressed': 'false' },
      el('span', { class: 'item-title' }, title || '—'),
      detail ? el('span', { class: 'item-detail' }, detail) : null,
      evidence?.quote ? el('q', { class: 'quote' }, evidence.quote) : null);
    // A button activates on Enter and Space as well as a click.
    button.addEventListener('click', () => this.highlight(button, evidence));
    return button;
  }

  /** Marks the item's quote in the article text (at its offsets, or where the quote is found) and scrolls to it. */
  highlight(button, evidence) {
    const $ = this.$;
    for (const other of document.querySelectorAll('.evidence-item[aria-pressed="true"]')) {
      other.setAttribute('aria-pressed', 'false');
    }
    button.setAttribute('aria-pressed', 'true');
    const text = this.text;
    if (text === null || !evidence?.quote) {
      say($('highlight-state'), 'The article text is not available, so the quote cannot be shown in it.');
      return;
    }
    let { start, end } = evidence;
    if (text.slice(start, end) !== evidence.quote) {
      start = text.indexOf(evidence.quote);
      end = start + evidence.quote.length;
    }
    if (start < 0) {
      $('cleaned-text').replaceChildren(text);
      say($('highlight-state'), 'This quote was not found in the article text.');
      return;
    }
    const mark = el('mark', { class: 'evidence-mark' }, text.slice(start, end));
    $('cleaned-text').replaceChildren(text.slice(0, start), mark, text.slice(end));
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    mark.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    say($('highlight-state'), `Highlighted in the article text: ${evidence.quote}`);
  }

  async retry() {
    const $ = this.$;
    const button = $('retry-button');
    button.disabled = true;
    try {
      await this.api.send(`articles/${encodeURIComponent(this.id)}/retry`, { method: 'POST' });
      say($('retry-state'), 'Queued again; this view updates as the article is processed.');
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.load(this.generation), refreshMilliseconds);
    } catch (problem) {
      say($('retry-state'), problem.message);
      button.disabled = false;
    }
  }

  /**
   * With an access key, a plain link would open without it and be refused: fetch the JSON with the key and show it
   * in a new tab instead. The tab is opened at the click, so browsers do not block it as a pop-up.
   */
  async openJson(event) {
    if (!this.api.key) {
      return;
    }
    event.preventDefault();
    const tab = window.open('', '_blank');
    try {
      const response = await this.api.send(`summaries/${encodeURIComponent(this.id)}`);
      const blob = new Blob([await response.text()], { type: 'application/json' });
      if (tab) {
        tab.location.href = URL.createObjectURL(blob);
      }
    } catch (problem) {
      tab?.close();
      say(this.$('summary-error'), problem.message);
    }
  }
}
