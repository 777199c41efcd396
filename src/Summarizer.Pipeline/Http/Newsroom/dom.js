// Small DOM helpers: elements are built from text nodes, never from HTML strings, so article text cannot inject markup.

/** el('a', { href: '#/' }, 'text', child, …): an element with attributes and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...children.filter(child => child !== undefined && child !== null && child !== ''));
  return element;
}

/** Shows a text in an element hidden while empty (an error line, a note). */
export function say(element, text) {
  element.textContent = text ?? '';
  element.hidden = !text;
}

/** A timestamp as the reader's locale writes it, or '' for none. */
export function when(timestamp) {
  if (!timestamp) {
    return '';
  }
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The status badge's text and class, the same in the desk and the summary view. */
export function badge(element, status) {
  element.textContent = status;
  element.className = `badge status-${/^[a-z]+$/.test(status) ? status : 'unknown'}`;
}

export const inProgress = status => status === 'received' || status === 'cleaned';
