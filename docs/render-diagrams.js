// Draws processes/<name>.bpmn as docs/<name>.png, as bpmn-js (Cockpit's renderer) lays it out.
// Run on demand after changing a diagram: npm install playwright-core@1 bpmn-js@17 (anywhere on NODE_PATH),
// then node docs/render-diagrams.js cspr-case cspr-rapid-review …
const { chromium } = require('playwright-core');
const fs = require('fs');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1800, height: 1000 }, deviceScaleFactor: 1 });
  const dist = require('path').dirname(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'));
  await page.setContent(`<html><head><link rel="stylesheet" href="file://${dist}/assets/bpmn-js.css">
    <link rel="stylesheet" href="file://${dist}/assets/diagram-js.css"></head>
    <body style="margin:0;background:#fff"><div id="c" style="width:1800px;height:1000px"></div></body></html>`);
  await page.addScriptTag({ path: dist + '/bpmn-viewer.production.min.js' });
  for (const name of process.argv.slice(2)) {
    const xml = fs.readFileSync(require('path').resolve(__dirname, '../processes') + '/' + name + '.bpmn', 'utf8');
    const box = await page.evaluate(async (xml) => {
      document.getElementById('c').innerHTML = '';
      const viewer = new BpmnJS({ container: '#c' });
      await viewer.importXML(xml);
      const canvas = viewer.get('canvas');
      canvas.zoom('fit-viewport');
      const { inner } = canvas.viewbox();
      return inner;
    }, xml);
    await page.waitForTimeout(300);
    await page.screenshot({ path: __dirname + '/' + name + '.png' });
    console.log(name, JSON.stringify(box));
  }
  await browser.close();
})();
