// Tasklist's forms, as shipped, tell a person of a mistake where they are not looking, and in the
// words of the form library: put right here, in the page, without changing Tasklist itself.

const SUBMIT = '.modal-footer .btn-primary, .form-actions .btn-primary';
const OWN = 'cspr-submit-problem';

/**
 * A refused form's message is repeated beside the button that was pressed: Tasklist puts it at the
 * top of a long start form (scrolled out of sight) or in a banner at the foot of the page, over the
 * Complete button. Every earlier message is cleared when the form is sent again, so a mistake put
 * right leaves no banner behind. Where the form itself found the mistake (the message is empty),
 * the first field marked in red is brought into view instead.
 */
export function keepSubmitProblemsInSight() {
  let pressed = null;
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest(SUBMIT) : null;
    if (button) {
      pressed = button;
      clearProblems();
    }
  }, true);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const alerts = node.matches('.notifications .alert') ? [node] : [...node.querySelectorAll('.notifications .alert')];
        for (const alert of alerts) {
          if (alert.classList.contains('alert-danger')) {
            showBeside(pressed, alert);
          } else {
            clearProblems(); // "The process has been started", or the task is done
          }
        }
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
}

function clearProblems() {
  document.querySelectorAll(`.${OWN}`).forEach((copy) => copy.remove());
  document.querySelectorAll('.notifications .alert-danger button.close[ng-click^="removeNotification"]')
    .forEach((close) => close.click());
}

function showBeside(button, alert) {
  if (!button || !button.isConnected) return;
  const message = (alert.querySelector('.message')?.textContent || '').trim();
  if (!message) {
    const marked = document.querySelector('.fjs-has-errors, .fjs-form-field-error:not(:empty)');
    if (marked) marked.scrollIntoView({ block: 'center' });
  }
  const copy = document.createElement('div');
  copy.className = `${OWN} alert alert-danger`;
  copy.setAttribute('role', 'alert');
  copy.textContent = message || 'Some answers need attention: they are marked in red.';
  // in the footer or the row of buttons itself, so the message and the button are seen together
  const place = button.closest('.modal-footer') || button.closest('.form-actions');
  place.prepend(copy);
  place.scrollIntoView({ block: 'nearest' });
  if (alert.closest('.page-notifications')) {
    // the banner would cover the Complete button; its message is beside the button now
    alert.querySelector('button.close[ng-click^="removeNotification"]')?.click();
  }
}

const FORM_LIBRARY_WORDS = [
  [/^Field must match pattern .*$/s, 'This is not in the form asked for: see the note under it.'],
  [/^Field is required\.$/, 'This needs an answer.'],
  [/^Field must have minimum value of (.+)\.$/, 'This must be $1 or more.'],
  [/^Field must have maximum value of (.+)\.$/, 'This must be $1 or less.'],
  [/^Field must have minimum length of (.+)\.$/, 'This must be at least $1 characters.'],
  [/^Field must have maximum length of (.+)\.$/, 'This must be at most $1 characters.'],
];

/**
 * The form library's own messages ("Field must match pattern ^[A-Za-z0-9]…") said for people: a
 * pattern is never shown; the field's note says what it takes.
 */
export function rewordFormLibraryMessages() {
  // the text node itself is changed, never replaced: the library keeps it and writes the next message into it
  const reword = (item) => {
    const text = [...item.childNodes].find((node) => node.nodeType === Node.TEXT_NODE);
    const said = text?.data.trim();
    const rule = said && FORM_LIBRARY_WORDS.find(([pattern]) => pattern.test(said));
    if (rule) text.data = said.replace(rule[0], rule[1]);
  };
  new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      const errors = target?.closest('.fjs-form-field-error li') ? [target.closest('.fjs-form-field-error li')]
        : [...(target?.querySelectorAll('.fjs-form-field-error li') || [])];
      errors.forEach(reword);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

/**
 * A date field whose note begins "A working day" (a request's new due date) offers no Saturday or
 * Sunday in its calendar: the form library cannot say so, but its date picker (flatpickr) can be
 * told once it is open. Bank holidays stay on offer and are refused with a message on sending.
 */
export function offerOnlyWorkingDays() {
  const weekend = (date) => date.getDay() === 0 || date.getDay() === 6;
  const restrict = (event) => {
    const field = event.target instanceof Element ? event.target.closest('.fjs-form-field-datetime') : null;
    const note = field?.querySelector('.fjs-form-field-description')?.textContent.trim() || '';
    const picker = field?.querySelector('input')?._flatpickr;
    if (picker && note.startsWith('A working day') && !picker.config.disable.includes(weekend)) {
      picker.set('disable', [weekend]);
    }
  };
  for (const type of ['focus', 'mousedown']) document.addEventListener(type, restrict, true);
}
