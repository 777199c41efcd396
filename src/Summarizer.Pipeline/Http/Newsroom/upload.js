// Upload: files dropped on the drop zone or chosen with the picker, each POSTed with its own progress and outcome.

import { el } from './dom.js';

/** At most this many uploads run at once; the rest wait their turn (a drop of fifty files must not open fifty). */
const parallelUploads = 3;

export function setUpUploads({ api, dropZone, input, list, onAccepted }) {
  const waiting = [];
  let running = 0;

  const next = () => {
    while (running < parallelUploads && waiting.length > 0) {
      const job = waiting.shift();
      running++;
      job().finally(() => {
        running--;
        next();
      });
    }
  };

  const start = files => {
    for (const file of files) {
      const row = uploadRow(file);
      list.prepend(row.element);
      waiting.push(() => send(api, file, row, onAccepted));
    }
    next();
  };

  input.addEventListener('change', () => {
    start([...input.files]);
    // Choosing the same file again (after fixing it) must upload it again.
    input.value = '';
  });

  const hasFiles = event => [...(event.dataTransfer?.types ?? [])].includes('Files');
  for (const type of ['dragenter', 'dragover']) {
    dropZone.addEventListener(type, event => {
      if (hasFiles(event)) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        dropZone.classList.add('dragging');
      }
    });
  }
  dropZone.addEventListener('dragleave', event => {
    if (!dropZone.contains(event.relatedTarget)) {
      dropZone.classList.remove('dragging');
    }
  });
  dropZone.addEventListener('drop', event => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    start([...event.dataTransfer.files]);
  });
  // A file dropped beside the zone would make the browser open it in place of the page.
  window.addEventListener('dragover', event => event.preventDefault());
  window.addEventListener('drop', event => event.preventDefault());
}

function uploadRow(file) {
  const progress = el('progress', { max: '1', value: '0', 'aria-label': `Upload of ${file.name}` });
  const outcome = el('p', { class: 'outcome' }, 'Waiting to upload…');
  const element = el('li', { class: 'upload-item' }, el('span', { class: 'upload-name' }, file.name), progress, outcome);
  return { element, progress, outcome };
}

async function send(api, file, row, onAccepted) {
  row.outcome.textContent = 'Uploading…';
  try {
    const accepted = await api.upload(file, fraction => {
      row.progress.value = fraction;
    });
    row.element.classList.add('accepted');
    const link = el('a', { href: `#/articles/${encodeURIComponent(accepted.id)}` }, accepted.id);
    row.outcome.replaceChildren('Accepted as ', link, '; it appears below as it is processed.');
    onAccepted(accepted.id);
  } catch (problem) {
    row.element.classList.add('refused');
    row.progress.value = 0;
    row.outcome.textContent = `Refused: ${problem.message}`;
  }
}
