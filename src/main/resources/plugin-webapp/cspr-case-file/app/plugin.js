// Tasklist: a "Case file" tab on every task, showing the task's case (an agency sees its own request).
const caseFile = () => import(new URL('/case-file/case-file.js', window.location.origin).href);

export default {
  id: 'cspr.caseFile',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: { label: 'Case file' },
  render: async (node, { api, taskId }) => {
    const { getJson, renderCaseFile, renderProblem } = await caseFile();
    try {
      renderCaseFile(node, await getJson(`${api.tasklistApi}/plugin/cspr-case-file/${api.engine}/tasks/${taskId}`, api));
    } catch (error) {
      renderProblem(node, error);
    }
  },
};

// Tasklist offers everyone "Set follow up" and the due date's edit and reset buttons, whatever
// they may do. Only those who may change tasks (coordinators) keep them; to everyone else (an
// agency, a partner) the engine would answer 403, so the due date is shown and cannot be opened.
const READ_ONLY = 'cspr-task-dates-read-only';
const DATE_FIELDS = '[cam-tasklist-task-meta] .followup-date, [cam-tasklist-task-meta] .due-date';

function engineApi() {
  const base = document.querySelector('base');
  const engine = (window.location.pathname.match(/\/app\/tasklist\/([^/]+)/) || [])[1] || 'default';
  return `${base ? base.getAttribute('engine-api') : '/camunda/api/engine/'}engine/${engine}`;
}

async function mayChangeTasks() {
  const response = await fetch(`${engineApi()}/authorization/check?permissionName=UPDATE&permissionValue=2`
      + '&resourceName=Task&resourceType=7', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  // not logged in (yet): decide when a task is next opened
  return response.ok ? (await response.json()).authorized === true : null;
}

function taskDatesStyle() {
  if (document.getElementById(READ_ONLY)) return;
  const style = document.createElement('style');
  style.id = READ_ONLY;
  style.textContent = `.${READ_ONLY} [cam-tasklist-task-meta] .followup-date,
  .${READ_ONLY} [cam-tasklist-task-meta] .due-date { pointer-events: none; cursor: default; }
  .${READ_ONLY} [cam-tasklist-task-meta] .reset-follow-up-date,
  .${READ_ONLY} [cam-tasklist-task-meta] .reset-due-date,
  .${READ_ONLY} [cam-tasklist-task-meta] .followup-date [translate="SET_FOLLOW_UP_DATE"],
  .${READ_ONLY} [cam-tasklist-task-meta] .due-date [translate="SET_DUE_DATE"] { display: none; }`;
  document.head.append(style);
}

let shownTask = null;
async function onTaskShown() {
  const meta = document.querySelector('[cam-tasklist-task-meta]');
  if (meta && meta !== shownTask) {
    shownTask = meta;
    const may = await mayChangeTasks().catch(() => null);
    if (may !== null) document.documentElement.classList.toggle(READ_ONLY, !may);
  }
  if (document.documentElement.classList.contains(READ_ONLY)) {
    // the fields open their date picker from the keyboard too
    document.querySelectorAll(DATE_FIELDS).forEach((field) => field.setAttribute('tabindex', '-1'));
  }
}

taskDatesStyle();
let pending = false;
new MutationObserver(() => {
  if (!pending) {
    pending = true;
    requestAnimationFrame(() => { pending = false; onTaskShown(); });
  }
}).observe(document.documentElement, { childList: true, subtree: true });
