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
    headers: {
      Accept: 'application/json',
      'X-XSRF-TOKEN': api.CSRFToken,
      ...(typeof body === 'string' ? { 'Content-Type': 'application/json' } : {}),
    },
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

const IDENTITY_FIELDS = [
  { key: 'fullName', label: 'Full name', required: true },
  { key: 'otherNames', label: 'Other names', list: true, hint: 'Names the child is or was known by, one a line' },
  { key: 'dateOfBirth', label: 'Date of birth', date: true, hint: 'For example 14/03/2019' },
  { key: 'address', label: 'Address at the time', long: true },
  { key: 'nhsNumber', label: 'NHS number', hint: '10 digits, spaces allowed' },
  { key: 'carers', label: 'Parents or carers', list: true, hint: 'One name a line' },
];
const PLACE_LABEL = 'Where the incident happened';

/**
 * The identifying details behind a button: read only when someone asks, since every reading is
 * recorded (the case file's "Identifying details" section lists who has read them). The
 * coordinators record and correct them here; nothing is kept in the page once it is left, and
 * nothing goes into a form variable.
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
      renderIdentities(section, await getJson(url, api), url, api);
      button.remove();
    } catch (error) {
      button.disabled = false;
      section.append(el('p', { class: 'cspr-problem', role: 'alert' }, error.message));
    }
  });
  node.append(section);
}

function shownValue(field, value) {
  if (Array.isArray(value)) return value.join(', ');
  return field.date && value ? ukDate(value) : value;
}

function childFacts(childReference, identity) {
  const facts = el('dl', { class: 'cspr-facts' });
  facts.append(el('dt', null, "Case's reference"), el('dd', null, childReference));
  IDENTITY_FIELDS.forEach((field) => {
    const shown = identity && shownValue(field, identity[field.key]);
    if (shown) facts.append(el('dt', null, field.label), el('dd', null, shown));
  });
  return facts;
}

function renderIdentities(section, answer, url, api) {
  if (answer.childReferences) {
    renderForCoordinators(section, answer, url, api);
    return;
  }
  const { children, incident } = answer;
  if (!children.length) {
    section.append(el('p', null, "The coordinators have not yet recorded the child's details."));
  }
  children.forEach(({ childReference, identity }) => section.append(childFacts(childReference, identity)));
  if (incident && (incident.date || incident.place)) {
    section.append(el('dl', { class: 'cspr-facts cspr-incident' },
      incident.date ? [el('dt', null, 'Date of the incident'), el('dd', null, ukDate(incident.date))] : null,
      incident.place ? [el('dt', null, PLACE_LABEL), el('dd', null, incident.place)] : null));
  }
}

/** Each child of the case, with details or not, and the incident's place: each shown, and recorded or corrected in place. */
function renderForCoordinators(section, { childReferences, children, incidentPlace }, url, api) {
  const kept = Object.fromEntries(children.map(({ childReference, identity }) => [childReference, identity]));
  childReferences.forEach((childReference) => {
    const block = el('div', { class: 'cspr-identity-child', 'data-child': childReference });
    const show = (identity) => {
      block.replaceChildren(el('h4', null, `Child ${childReference}`));
      if (identity) {
        block.append(childFacts(childReference, identity));
      } else {
        block.append(el('p', { class: 'cspr-muted' }, 'No details recorded for this child yet.'));
      }
      const edit = el('button', { type: 'button', class: 'btn btn-default' },
        identity ? 'Correct these details' : "Record this child's details");
      edit.addEventListener('click', () => block.replaceChildren(el('h4', null, `Child ${childReference}`),
        childForm(identity, `${url}/children/${encodeURIComponent(childReference)}`, api, show)));
      block.append(edit);
    };
    show(kept[childReference]);
    section.append(block);
  });
  const place = el('div', { class: 'cspr-identity-place' });
  const showPlace = (text) => {
    place.replaceChildren(el('h4', null, PLACE_LABEL),
      text ? el('p', null, text) : el('p', { class: 'cspr-muted' }, 'Not recorded yet.'));
    const edit = el('button', { type: 'button', class: 'btn btn-default' }, text ? 'Correct where it happened'
      : 'Record where it happened');
    edit.addEventListener('click', () => place.replaceChildren(el('h4', null, PLACE_LABEL),
      placeForm(text, `${url}/incident-place`, api, showPlace)));
    place.append(edit);
  };
  showPlace(incidentPlace);
  section.append(place);
}

/** "14/03/2019" (or 14-3-2019) as ISO; undefined when it is not a date, so the form can say so. */
function isoFromTyped(typed) {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(typed);
  if (!match) return undefined;
  const [, d, m, y] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function typedFromIso(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

let fieldIds = 0;
function field(label, control, hint) {
  fieldIds += 1;
  const id = `cspr-identity-field-${fieldIds}`;
  control.setAttribute('id', id);
  control.classList.add('form-control');
  const problem = el('p', { class: 'cspr-problem cspr-field-problem', role: 'alert' });
  const wrapper = el('div', { class: 'form-group' }, el('label', { for: id }, label),
    hint ? el('small', { class: 'cspr-muted' }, ` ${hint}`) : null, control, problem);
  return { wrapper, control, problem };
}

/** Saves, showing each problem beside its field and the message beside the button; nothing typed is lost. */
async function save(url, api, body, fields, message, button) {
  Object.values(fields).forEach((f) => { f.problem.textContent = ''; });
  message.textContent = '';
  button.disabled = true;
  try {
    const { ok, status, body: answer } = await call('PUT', url, api, JSON.stringify(body));
    if (ok) return true;
    (answer.problems || []).forEach((p) => { if (fields[p.field]) fields[p.field].problem.textContent = p.message; });
    message.textContent = answer.message || `The details were not saved (${status})`;
    return false;
  } finally {
    button.disabled = false;
  }
}

function childForm(identity, url, api, done) {
  const fields = {};
  const form = el('form', { class: 'cspr-identity-form', novalidate: true });
  IDENTITY_FIELDS.forEach((f) => {
    const value = identity ? identity[f.key] : undefined;
    const control = f.list || f.long ? el('textarea', { rows: f.long ? 3 : 2, name: f.key })
      : el('input', { type: 'text', name: f.key, autocomplete: 'off' });
    control.value = f.list ? (value || []).join('\n') : f.date ? typedFromIso(value) : (value || '');
    fields[f.key] = field(f.label, control, f.hint);
    form.append(fields[f.key].wrapper);
  });
  const message = el('p', { class: 'cspr-problem', role: 'alert' });
  const submit = el('button', { type: 'submit', class: 'btn btn-primary' }, 'Save the details');
  const cancel = el('button', { type: 'button', class: 'btn btn-link' }, 'Cancel');
  cancel.addEventListener('click', () => done(identity));
  form.append(submit, ' ', cancel, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {};
    IDENTITY_FIELDS.forEach((f) => {
      const typed = fields[f.key].control.value;
      body[f.key] = f.list ? typed.split('\n').map((n) => n.trim()).filter(Boolean) : typed.trim() || null;
    });
    const typedBirth = fields.dateOfBirth.control.value.trim();
    if (typedBirth) {
      body.dateOfBirth = isoFromTyped(typedBirth);
      if (!body.dateOfBirth) {
        fields.dateOfBirth.problem.textContent = 'Date of birth is not a date: type it as day/month/year, for example 14/03/2019';
        message.textContent = 'The details were not saved: see the note under Date of birth';
        return;
      }
    }
    if (await save(url, api, body, fields, message, submit)) {
      done({ ...body, nhsNumber: body.nhsNumber && body.nhsNumber.replace(/[\s-]/g, '') });
    }
  });
  return form;
}

function placeForm(text, url, api, done) {
  const control = el('textarea', { rows: 2, name: 'place' });
  control.value = text || '';
  const fields = { place: field(PLACE_LABEL, control, 'In words, as an agency would know it: "the family home", "a park in Northtown"') };
  const message = el('p', { class: 'cspr-problem', role: 'alert' });
  const submit = el('button', { type: 'submit', class: 'btn btn-primary' }, 'Save where it happened');
  const cancel = el('button', { type: 'button', class: 'btn btn-link' }, 'Cancel');
  cancel.addEventListener('click', () => done(text));
  const form = el('form', { class: 'cspr-identity-form', novalidate: true }, fields.place.wrapper, submit, ' ', cancel,
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const place = control.value.trim();
    if (await save(url, api, { place }, fields, message, submit)) done(place);
  });
  return form;
}
