// The HTTP API as the page uses it: where it is, the access key, and errors as sentences a person can act on.

const keyStorageName = 'summarizer.functionKey';
const keyHeader = 'x-functions-key';
const unreachable = 'The service cannot be reached. Check your connection, then try again.';

/** An answer other than success, carrying the API's own explanation (the problem's `detail`). */
export class ProblemError extends Error {
  constructor(status, detail, type) {
    super(detail);
    this.status = status;
    this.type = type ?? null;
  }
}

/**
 * Where the API is, seen from this module's own address. On the local host the page is served at `/` (API at
 * `/api/`) and at `/api/newsroom/`; in Azure it is a function at `…/api/newsroom/`, beside the API's functions.
 */
export function apiBase(moduleUrl) {
  const page = new URL('./', moduleUrl);
  return page.pathname.endsWith('/newsroom/') ? new URL('../', page) : new URL('api/', page);
}

/** The problem's detail, or a sentence saying what the service answered when it sent no problem. */
export function problemFrom(status, contentType, text) {
  if (contentType && /json/i.test(contentType)) {
    try {
      const problem = JSON.parse(text);
      // The title says what happened ("The article is empty"), the detail what to do about it.
      const sentence = [problem.title, problem.detail].filter(Boolean).join('. ');
      if (sentence) {
        return new ProblemError(status, sentence, problem.type);
      }
    } catch {
      // Not JSON after all: fall through to the plain sentence.
    }
  }
  if (status === 0) {
    return new ProblemError(0, unreachable);
  }
  return new ProblemError(status, `The service answered ${status} without an explanation. Try again in a moment.`);
}

export class Api {
  /** @param {URL} base the API's root, ending in '/'. */
  constructor(base) {
    this.base = base;
    /** Called when the API answers 401: the page asks for a key. */
    this.onKeyNeeded = () => {};
  }

  get key() {
    return sessionStorage.getItem(keyStorageName);
  }

  set key(value) {
    if (value) {
      sessionStorage.setItem(keyStorageName, value);
    } else {
      sessionStorage.removeItem(keyStorageName);
    }
  }

  /** The absolute URL of an API path, e.g. url('articles', { status: 'failed' }). */
  url(path, query = {}) {
    const url = new URL(path, this.base);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') {
        url.searchParams.set(name, value);
      }
    }
    return url.href;
  }

  /** Sends a request; resolves with the response when it succeeded (2xx), otherwise throws a ProblemError. */
  async send(path, { method = 'GET', query = {} } = {}) {
    const headers = { Accept: 'application/json' };
    if (this.key) {
      headers[keyHeader] = this.key;
    }
    let response;
    try {
      response = await fetch(this.url(path, query), { method, headers, cache: 'no-cache' });
    } catch {
      throw new ProblemError(0, unreachable);
    }
    if (response.ok) {
      return response;
    }
    const problem = problemFrom(response.status, response.headers.get('Content-Type'), await response.text());
    if (response.status === 401) {
      this.refused();
    }
    throw problem;
  }

  async json(path, query) {
    const response = await this.send(path, { query });
    return response.json();
  }

  /** Every item of a paged list, following continuationToken (at most maxPages pages). */
  async listAll(path, query = {}, maxPages = 50) {
    const items = [];
    let token = null;
    for (let page = 0; page < maxPages; page++) {
      const body = await this.json(path, { ...query, pageSize: 100, continuationToken: token });
      items.push(...body.items);
      token = body.continuationToken;
      if (!token) {
        return { items, complete: true };
      }
    }
    return { items, complete: false };
  }

  /**
   * Uploads one file as POST articles?name=FILENAME, reporting progress (0..1) as it goes. Resolves with the
   * accepted answer; rejects with a ProblemError. XMLHttpRequest because fetch reports no upload progress.
   */
  upload(file, onProgress) {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', this.url('articles', { name: file.name }));
      request.setRequestHeader('Accept', 'application/json');
      if (this.key) {
        request.setRequestHeader(keyHeader, this.key);
      }
      if (file.type) {
        request.setRequestHeader('Content-Type', file.type);
      }
      request.upload.addEventListener('progress', event => {
        if (event.lengthComputable && event.total > 0) {
          onProgress(event.loaded / event.total);
        }
      });
      request.addEventListener('load', () => {
        if (request.status >= 200 && request.status < 300) {
          onProgress(1);
          try {
            resolve(JSON.parse(request.responseText));
          } catch {
            resolve({});
          }
          return;
        }
        if (request.status === 401) {
          this.refused();
        }
        reject(problemFrom(request.status, request.getResponseHeader('Content-Type'), request.responseText));
      });
      request.addEventListener('error', () => reject(new ProblemError(0, unreachable)));
      request.addEventListener('abort', () => reject(new ProblemError(0, 'The upload was interrupted. Try again.')));
      request.send(file);
    });
  }

  /** A 401: a stored key is wrong or revoked, so forget it and ask again. */
  refused() {
    const hadKey = Boolean(this.key);
    this.key = null;
    this.onKeyNeeded(hadKey);
  }
}
