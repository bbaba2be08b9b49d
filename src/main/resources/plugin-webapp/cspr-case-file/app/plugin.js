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
