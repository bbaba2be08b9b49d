// Cockpit: the statutory deadlines page (a link in the header), the count of missed deadlines on the
// start page, and the case file on every process instance of a case.
const caseFile = () => import(new URL('/case-file/case-file.js', window.location.origin).href);
const base = (api) => `${api.cockpitApi}/plugin/cspr-deadlines/${api.engine}`;
const PATH = '/statutory-deadlines';

const COLUMNS = [
  { key: 'reference', label: 'Case' },
  { key: 'stage', label: 'Where it is' },
  { key: 'nextDeadline', label: 'Next deadline' },
  { key: 'nextDue', label: 'Due' },
  { key: 'workingDaysLeft', label: 'Working days left' },
  { key: 'rag', label: 'RAG' },
  { key: 'missedDeadlines', label: 'Missed' },
  { key: 'immediateConcerns', label: 'Immediate concerns' },
];
const RAG_ORDER = { RED: 0, AMBER: 1, GREEN: 2 };

function compare(key) {
  return (a, b) => {
    let x = a[key];
    let y = b[key];
    if (key === 'rag') {
      x = RAG_ORDER[x] ?? 3;
      y = RAG_ORDER[y] ?? 3;
    }
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return x < y ? -1 : 1;
  };
}

async function deadlinesPage(node, api) {
  const { el, getJson, ragBadge, daysLeft, ukDate, useStyles, renderProblem } = await caseFile();
  useStyles();
  let cases;
  try {
    cases = await getJson(`${base(api)}/cases?state=open`, api);
  } catch (error) {
    renderProblem(node, error);
    return;
  }
  let sortKey = 'workingDaysLeft';
  let ascending = true;
  const body = el('tbody');
  const draw = () => {
    const rows = [...cases].sort(compare(sortKey));
    if (!ascending) rows.reverse();
    body.replaceChildren(...rows.map((c) => el('tr', { class: c.rag === 'RED' ? 'cspr-missed' : null, 'data-reference': c.reference },
      el('td', {}, el('a', { href: `#/process-instance/${c.processInstanceId}/runtime` }, c.reference)),
      el('td', {}, c.stage),
      el('td', {}, c.nextDeadline || 'None open'),
      el('td', {}, ukDate(c.nextDue)),
      el('td', {}, daysLeft(c.workingDaysLeft)),
      el('td', {}, c.rag ? ragBadge(c.rag) : ''),
      el('td', {}, c.missedDeadlines),
      el('td', {}, c.immediateConcerns))));
  };
  const head = el('tr', {}, COLUMNS.map((column) => {
    const th = el('th', { 'data-sort': column.key, title: 'Sort' }, column.label);
    th.addEventListener('click', () => {
      ascending = sortKey === column.key ? !ascending : true;
      sortKey = column.key;
      draw();
    });
    return th;
  }));
  draw();
  node.replaceChildren(el('div', { class: 'cspr-case-file' },
    el('h2', {}, 'Statutory deadlines'),
    el('p', {}, `${cases.length} open case${cases.length === 1 ? '' : 's'}, the most urgent first. Click a heading to sort. `,
      el('a', { href: `${base(api)}/cases?state=all&format=csv` }, 'Cases as CSV'), ' · ',
      el('a', { href: `${base(api)}/deadlines?state=all&format=csv` }, 'Every deadline as CSV')),
    el('table', { class: 'table table-striped cspr-sortable cspr-deadline-dashboard' }, el('thead', {}, head), body)));
}

const REPORT_PATH = '/timeliness-report';

// the twelve months to today, as a yearly report covers: from the day after this day last year
function lastTwelveMonths() {
  const today = new Date();
  const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const from = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1);
  return { from: iso(from), to: iso(today) };
}

async function timelinessPage(node, api) {
  const { el, getJson, ukDate, useStyles, renderProblem } = await caseFile();
  useStyles();
  const period = lastTwelveMonths();
  const fromInput = el('input', { type: 'date', id: 'cspr-report-from', value: period.from, required: 'required' });
  const toInput = el('input', { type: 'date', id: 'cspr-report-to', value: period.to, required: 'required' });
  const show = el('button', { type: 'submit', class: 'btn btn-primary' }, 'Show the report');
  const result = el('div', { class: 'cspr-report-result' });
  const form = el('form', { class: 'cspr-report-period form-inline' },
    el('label', { for: 'cspr-report-from' }, 'From '), fromInput, ' ',
    el('label', { for: 'cspr-report-to' }, 'to '), toInput, ' ', show);
  const percent = (share) => (share === null || share === undefined ? 'None done' : `${share}%`);
  const days = (median) => (median === null || median === undefined ? '' : String(median));
  const draw = async () => {
    const query = `from=${encodeURIComponent(fromInput.value)}&to=${encodeURIComponent(toInput.value)}`;
    let report;
    try {
      report = await getJson(`${base(api)}/reports/timeliness?${query}`, api);
    } catch (error) {
      renderProblem(result, error);
      return;
    }
    const print = el('button', { type: 'button', class: 'btn btn-default' }, 'Print');
    print.addEventListener('click', () => window.print());
    const reasons = (title, list, none) => [el('h3', {}, title), list.length
      ? el('ul', {}, list.map((r) => el('li', {}, el('strong', {}, r.reference), ` (${ukDate(r.on)}): ${r.reason}`)))
      : el('p', {}, none)];
    result.replaceChildren(
      el('p', { class: 'cspr-report-period-said' }, `From ${ukDate(report.from)} to ${ukDate(report.to)}.`),
      el('table', { class: 'table table-striped cspr-timeliness' },
        el('thead', {}, el('tr', {}, ['What was done', 'Its timescale', 'Done', 'On time', 'Share on time',
          'Median working days'].map((h) => el('th', {}, h)))),
        el('tbody', {}, report.measures.map((m) => el('tr', { 'data-measure': m.key },
          el('td', {}, m.name), el('td', {}, m.deadline), el('td', {}, String(m.count)), el('td', {}, String(m.onTime)),
          el('td', {}, percent(m.shareOnTime)), el('td', {}, days(m.medianWorkingDays)))))),
      el('img', { class: 'cspr-timeliness-chart', alt: 'The share of each step done on time, by quarter',
        src: `${base(api)}/reports/timeliness/chart.png?${query}` }),
      ...reasons('Why notifications were late', report.lateNotifications, 'None was late.'),
      ...reasons('Why local reviews were delayed', report.delayedReviews, 'None was delayed.'),
      el('p', { class: 'cspr-no-print' }, print, ' · ',
        el('a', { href: `${base(api)}/reports/timeliness?${query}&format=csv` }, 'As CSV')));
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); draw(); });
  node.replaceChildren(el('div', { class: 'cspr-case-file cspr-report' },
    el('h2', {}, 'Timeliness report'),
    el('p', { class: 'cspr-no-print' }, 'How many of each statutory step were done in the period, and how many on time, '
      + 'for the partners\' yearly report. Choose the period, then print the page.'),
    form, result));
  draw();
}

/** A page of Cockpit's own: its link in the header and its route. */
function cockpitPage(id, path, label, priority, page) {
  return [
    {
      id: `${id}.navigation`,
      pluginPoint: 'cockpit.navigation',
      priority,
      properties: { pagePath: `#${path}`, label },
      render: (node) => {
        const link = document.createElement('a');
        link.href = `#${path}`;
        link.textContent = label;
        node.append(link);
      },
    },
    {
      id: `${id}.page`,
      pluginPoint: 'cockpit.route',
      properties: { path, label },
      render: (node, { api }) => { page(node, api); },
    },
  ];
}

export default [
  ...cockpitPage('cspr.deadlines', PATH, 'Statutory deadlines', 5, deadlinesPage),
  ...cockpitPage('cspr.timeliness', REPORT_PATH, 'Timeliness report', 4, timelinessPage),
  {
    id: 'cspr.deadlines.missed',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    properties: { label: 'Statutory deadlines' },
    render: async (node, { api }) => {
      const { el, getJson, useStyles, renderProblem } = await caseFile();
      useStyles();
      try {
        const open = await getJson(`${base(api)}/deadlines?state=open`, api);
        const missed = open.filter((d) => d.rag === 'RED');
        const cases = new Set(missed.map((d) => d.reference)).size;
        node.replaceChildren(el('div', { class: 'cspr-dashboard-count' },
          el('strong', { class: missed.length ? 'cspr-rag cspr-rag-red' : 'cspr-rag cspr-rag-green' },
            `${missed.length} statutory deadline${missed.length === 1 ? '' : 's'} missed`),
          missed.length ? ` in ${cases} open case${cases === 1 ? '' : 's'}. ` : '. ',
          el('a', { href: `#${PATH}` }, 'See the statutory deadlines')));
      } catch (error) {
        renderProblem(node, error);
      }
    },
  },
  {
    id: 'cspr.caseFile.processInstance',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 50,
    properties: { label: 'Case file' },
    render: async (node, { api, processInstanceId }) => {
      const { getJson, renderCaseFile, renderProblem } = await caseFile();
      try {
        renderCaseFile(node, await getJson(`${base(api)}/process-instances/${processInstanceId}`, api));
      } catch (error) {
        renderProblem(node, error);
      }
    },
  },
];

// Cockpit offers everyone the process instance's toolbar (delete, retry, add a variable, suspend)
// and the definition's; a manager, who watches and may not change a case, is only refused by them.
caseFile().then(({ markWhenNotPermitted }) => markWhenNotPermitted({
  app: 'cockpit',
  permission: 'UPDATE',
  resourceName: 'ProcessInstance',
  resourceType: 8,
  watched: '.ctn-toolbar',
  className: 'cspr-cases-read-only',
  css: (c) => `.${c} .ctn-toolbar > span { display: none; }`,
}));
