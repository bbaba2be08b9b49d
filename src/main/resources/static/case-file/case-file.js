// The case file as Tasklist and Cockpit show it. Shared by both webapps' plugins; everything shown
// is written as text (never as HTML), since agencies' answers are free text.

const RAG_WORDS = { RED: 'Missed', AMBER: 'Due soon', GREEN: 'On track' };
const STATUS_WORDS = { MET: 'Met', MET_LATE: 'Met late', NOT_NEEDED: 'Not needed' };

export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat(Infinity).forEach((child) => {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

let styled = false;
export function useStyles() {
  if (!styled) {
    styled = true;
    document.head.append(el('link', { rel: 'stylesheet', href: '/case-file/case-file.css' }));
  }
}

/**
 * Calls a plugin resource with the webapp's session and the CSRF token its filter wants on every
 * change (the XSRF-TOKEN cookie, echoed as X-XSRF-TOKEN); answers { ok, status, body }.
 */
export async function call(method, url, api, body) {
  const response = await fetch(url, {
    method,
    body,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken },
  });
  return { ok: response.ok, status: response.status, body: await response.json().catch(() => ({})) };
}

/** GETs JSON from a plugin resource with the webapp's session; a refusal becomes an Error with its message. */
export async function getJson(url, api) {
  const { ok, status, body } = await call('GET', url, api);
  if (!ok) {
    throw new Error(body.message || `The case file could not be read (${status})`);
  }
  return body;
}

/** A moment as people in England read it: "Wednesday 9 December 2026, 14:05". */
export function when(instant) {
  const parts = {};
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant)).forEach((p) => { parts[p.type] = p.value; });
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`;
}

/** An ISO date ("2026-12-09") as people read it: "Wednesday 9 December 2026". */
export function ukDate(iso) {
  if (!iso) return '';
  const parts = {};
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .formatToParts(new Date(`${iso}T12:00:00Z`)).forEach((p) => { parts[p.type] = p.value; });
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

export function ragBadge(rag, status) {
  if (rag) {
    return el('span', { class: `cspr-rag cspr-rag-${rag.toLowerCase()}` }, RAG_WORDS[rag] || rag);
  }
  return el('span', { class: `cspr-rag cspr-status-${(status || '').toLowerCase()}` }, STATUS_WORDS[status] || status || '');
}

export function daysLeft(n) {
  if (n === null || n === undefined) return '';
  if (n < 0) return `${-n} working day${n === -1 ? '' : 's'} overdue`;
  if (n === 0) return 'Due today';
  return `${n} working day${n === 1 ? '' : 's'} left`;
}

function facts(list) {
  return el('dl', { class: 'cspr-facts' }, list.map((f) => [el('dt', {}, f.label), el('dd', {}, f.text)]));
}

function deadlines(list) {
  return el('table', { class: 'table table-condensed cspr-deadlines' },
    el('thead', {}, el('tr', {}, ['Deadline', 'Due', 'Working days left', 'Status'].map((h) => el('th', {}, h)))),
    el('tbody', {}, list.map((d) => el('tr', { class: d.rag === 'RED' ? 'cspr-missed' : null },
      el('td', {}, d.name, d.provisional ? el('small', {}, ' (provisional: bank holidays not yet published)') : null),
      el('td', {}, d.dueText),
      el('td', {}, d.status === 'OPEN' ? daysLeft(d.workingDaysLeft) : (d.completedOn ? `done ${ukDate(d.completedOn)}` : '')),
      el('td', {}, ragBadge(d.rag, d.status))))));
}

function section(s) {
  return el('section', { class: 'cspr-section', 'data-kind': s.kind, 'data-process-instance-id': s.processInstanceId },
    el('h4', {}, s.title, ' ', el('span', { class: `cspr-section-status cspr-section-${s.status.toLowerCase()}` }, s.status)),
    facts(s.facts),
    s.answers.length ? el('div', { class: 'cspr-answers' }, el('h5', {}, 'Answers'),
      s.answers.map((a) => el('div', { class: 'cspr-answer' }, el('strong', {}, a.label), el('p', {}, a.text)))) : null,
    s.documents.length ? el('div', { class: 'cspr-documents' }, el('h5', {}, 'Documents'),
      el('ul', {}, s.documents.map((d) => el('li', {},
        d.download ? el('a', { href: d.download, download: d.name }, d.name) : d.name,
        d.addedAt ? el('small', {}, ` added ${when(d.addedAt)}`) : null)))) : null);
}

function timeline(list) {
  return el('table', { class: 'table table-condensed cspr-timeline' },
    el('thead', {}, el('tr', {}, ['When', 'Stage', 'What', 'By', 'On time'].map((h) => el('th', {}, h)))),
    el('tbody', {}, list.map((t) => el('tr', { class: t.state === 'OPEN' ? 'cspr-open' : null },
      el('td', {}, when(t.at)),
      el('td', {}, t.stage),
      el('td', {}, t.what, t.state === 'OPEN' ? ' (waiting)' : t.state === 'CANCELLED' ? ' (no longer needed)' : ''),
      el('td', {}, t.by || ''),
      el('td', {}, t.onTime === true ? 'Yes' : t.onTime === false ? 'Late' : '')))));
}

/** Draws a case file into the node. */
export function renderCaseFile(node, file) {
  useStyles();
  node.replaceChildren();
  if (file.scope === 'REQUEST') {
    node.append(el('div', { class: 'cspr-case-file' },
      el('h3', {}, `Your agency's request for case ${file.reference}`),
      deadlines(file.deadlines),
      file.sections.map(section)));
    return;
  }
  node.append(el('div', { class: 'cspr-case-file' },
    el('h3', {}, `Case ${file.reference}`, ' ', el('span', { class: 'cspr-case-state' }, file.state === 'OPEN' ? 'Open' : 'Closed')),
    el('p', { class: 'cspr-meta' }, `Recorded ${when(file.recordedAt)}`, file.recordedBy ? ` by ${file.recordedBy}` : '',
      file.stage.length ? `. ${file.state === 'OPEN' ? 'Now' : 'Ended'}: ${file.stage.join('; ')}` : ''),
    file.immediateConcerns.length ? el('div', { class: 'cspr-concerns', role: 'alert' },
      el('h4', {}, 'Immediate safeguarding concerns'),
      file.immediateConcerns.map((c) => el('div', { class: 'cspr-concern' },
        el('strong', {}, `${c.agency}${c.raisedOn ? `, ${ukDate(c.raisedOn)}` : ''}`), el('p', {}, c.concern)))) : null,
    el('h4', {}, 'Deadlines'), deadlines(file.deadlines),
    el('h4', {}, 'Recorded'), facts(file.recorded),
    file.children.length ? el('table', { class: 'table table-condensed cspr-children' },
      el('thead', {}, el('tr', {}, ['Child (reference)', 'Age', 'Status'].map((h) => el('th', {}, h)))),
      el('tbody', {}, file.children.map((c) => el('tr', {}, el('td', {}, c.reference), el('td', {}, c.age ?? ''),
        el('td', {}, c.status || ''))))) : null,
    file.sections.map(section),
    el('h4', {}, 'Timeline'), timeline(file.timeline)));
}

/**
 * An agency request's documents, for whoever answers it in Tasklist: the list (each to download,
 * and a button to remove one attached oneself) and a file chooser that attaches a document as soon
 * as it is chosen, as the response page does. The server checks each as the response link's.
 */
export async function renderDocuments(node, url, api) {
  useStyles();
  let first;
  try {
    first = await getJson(url, api);
  } catch (error) {
    renderProblem(node, error);
    return;
  }
  const list = el('ul', { class: 'cspr-document-list' });
  const chooser = el('input', { type: 'file', id: 'cspr-document-file', accept: '.pdf,.doc,.docx,.odt' });
  const message = el('p', { class: 'cspr-document-message', role: 'status' });
  const say = (text, refused) => {
    message.textContent = text || '';
    message.classList.toggle('cspr-problem', Boolean(refused));
  };
  // one change at a time: the chooser waits while a document is attached or removed, and the
  // outcome is told once the list shows it and another document can be chosen
  const change = async (method, target, body, pending) => {
    chooser.disabled = true;
    say(pending);
    let outcome;
    try {
      const response = await call(method, target, api, body);
      outcome = [response.body.message || (response.ok ? '' : `That did not work (${response.status}).`), !response.ok];
      show((await getJson(url, api)).documents);
    } catch (error) {
      outcome = [error.message || 'That did not work: check your connection and try again.', true];
    } finally {
      chooser.value = '';
      chooser.disabled = false;
    }
    say(...outcome);
  };
  function item(d) {
    const remove = d.removable ? el('button', { type: 'button', class: 'btn btn-link btn-xs cspr-remove-document' },
      'Remove') : null;
    if (remove) {
      remove.addEventListener('click', () => change('DELETE', `${url}/${encodeURIComponent(d.id)}`, undefined,
        `Removing ${d.name}…`));
    }
    return el('li', {}, el('a', { href: d.download, download: d.name }, d.name),
      d.addedAt ? el('small', {}, ` added ${when(d.addedAt)}`) : null, remove ? ' ' : null, remove);
  }
  function show(documents) {
    list.replaceChildren(...(documents.length ? documents.map(item)
      : [el('li', { class: 'cspr-none' }, 'No documents attached yet.')]));
  }
  // choosing a document attaches it: nothing chosen is left behind when the task is completed
  chooser.addEventListener('change', async () => {
    if (!chooser.files.length) return;
    const body = new FormData();
    body.append('file', chooser.files[0]);
    await change('POST', url, body, `Attaching ${chooser.files[0].name}…`);
  });
  node.replaceChildren(el('div', { class: 'cspr-case-file cspr-request-documents' },
    el('h3', {}, 'Documents'),
    el('p', {}, 'Attach your full chronology or other documents: PDF, Word (.doc, .docx) or OpenDocument text (.odt), '
      + `up to ${first.maxDocumentSize} each. A document is attached as soon as you choose it; it is kept with the `
      + 'case and never e-mailed. The e-mail confirming what you sent lists the documents\' names, so name them '
      + 'without a child\'s name.'),
    list,
    el('label', { for: 'cspr-document-file' }, 'Choose a document'), ' ', chooser,
    message));
  show(first.documents);
}

export function renderProblem(node, error) {
  useStyles();
  node.replaceChildren(el('div', { class: 'cspr-case-file cspr-problem' }, error.message));
}

/**
 * Camunda's webapps offer their buttons to everyone, whatever each may do. This marks the page (a
 * class on <html>, with the CSS given) while the logged-in user lacks a permission, so the
 * buttons they could only be refused with are hidden. It checks each time `watched` appears anew
 * (a task opened, a page shown), which also follows a log-out and another person's log-in.
 */
export function markWhenNotPermitted({ app, permission, resourceName, resourceType, watched, className, css, whileMarked }) {
  if (!document.getElementById(className)) {
    const style = document.createElement('style');
    style.id = className;
    style.textContent = css(className);
    document.head.append(style);
  }
  const base = document.querySelector('base');
  const engine = (window.location.pathname.match(new RegExp(`/app/${app}/([^/]+)`)) || [])[1] || 'default';
  const check = `${base ? base.getAttribute('engine-api') : '/camunda/api/engine/'}engine/${engine}/authorization/check`
    + `?permissionName=${permission}&resourceName=${resourceName}&resourceType=${resourceType}`;
  let seen = null;
  let pending = false;
  const onChange = async () => {
    const element = document.querySelector(watched);
    if (element && element !== seen) {
      seen = element;
      const response = await fetch(check, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .catch(() => null);
      // not logged in (yet): decided when it next appears
      if (response && response.ok) {
        document.documentElement.classList.toggle(className, (await response.json()).authorized !== true);
      }
    }
    if (whileMarked && document.documentElement.classList.contains(className)) whileMarked();
  };
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => { pending = false; onChange(); });
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

const IDENTITY_LABELS = [
  ['fullName', 'Full name'], ['otherNames', 'Other names'], ['dateOfBirth', 'Date of birth'],
  ['address', 'Address at the time'], ['nhsNumber', 'NHS number'], ['carers', 'Parents or carers'],
];

/**
 * The children's identifying details behind a button: read only when someone asks, since every
 * reading is recorded (and the coordinators see who has read them). Nothing is kept in the page
 * once it is left; nothing goes into a form variable.
 */
export function renderIdentityButton(node, url, api) {
  const section = el('section', { class: 'cspr-identity' },
    el('h3', null, 'The child and family'),
    el('p', { class: 'cspr-muted' }, 'Names, dates of birth and addresses are shown only when you ask, and each '
      + 'time they are shown it is recorded.'));
  const button = el('button', { type: 'button', class: 'btn btn-default' }, "Show the child's details");
  section.append(button);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      renderIdentities(section, await getJson(url, api));
      button.remove();
    } catch (error) {
      button.disabled = false;
      section.append(el('p', { class: 'cspr-problem', role: 'alert' }, error.message));
    }
  });
  node.append(section);
}

function renderIdentities(section, { children, views }) {
  if (!children.length) {
    section.append(el('p', null, 'No identifying details are recorded for this case yet.'));
  }
  children.forEach(({ childReference, identity }) => {
    const facts = el('dl', { class: 'cspr-facts' });
    facts.append(el('dt', null, "Case's reference"), el('dd', null, childReference));
    IDENTITY_LABELS.forEach(([key, label]) => {
      const value = identity[key];
      const shown = Array.isArray(value) ? value.join(', ') : key === 'dateOfBirth' && value ? ukDate(value) : value;
      if (shown) facts.append(el('dt', null, label), el('dd', null, shown));
    });
    section.append(facts);
  });
  if (views) {
    section.append(el('h4', null, 'Who has seen these details'),
      el('table', { class: 'table table-condensed cspr-identity-views' },
        el('thead', null, el('tr', null, el('th', null, 'When'), el('th', null, 'Who'), el('th', null, 'Child'),
          el('th', null, 'Through'))),
        el('tbody', null, views.map((view) => el('tr', null, el('td', null, when(view.viewedAt)),
          el('td', null, view.viewedBy), el('td', null, view.childReference), el('td', null, view.viewedThrough))))));
  }
}
