// Keeps what a person types in a form (Tasklist's forms and the response page, both bpmn-io's form
// library). The library hands a field's typing to the form a moment later (it debounces input), and
// re-draws every field from the form's state whenever any field's change arrives. A person who
// types an age, presses Tab and goes on typing in the next field is typing during the age's delay:
// when the age arrives, the next field is re-drawn from a state that has not yet had its first
// keystrokes, and "NCC-CSC-51177" becomes "C-CSC-51177" (issue 15, item 7). While a field has the
// focus, what is typed there is the truth: a re-draw that would cut it back to something it merely
// starts with is ignored, and the library's own delayed change brings the whole text a moment later.
// Loaded as a module, it guards every text, number and long-text field of every form on the page.

const GUARDED = '.fjs-form-field-textfield input, .fjs-form-field-number input, .fjs-form-field-textarea textarea';

function guard(field) {
  if (field.csprKeepsWhatIsTyped) return;
  field.csprKeepsWhatIsTyped = true;
  const native = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')
    || Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  Object.defineProperty(field, 'value', {
    configurable: true,
    get() {
      return native.get.call(this);
    },
    set(next) {
      const typed = native.get.call(this);
      const staleRedraw = document.activeElement === this && typeof next === 'string' && next !== typed
        && typed.startsWith(next);
      if (!staleRedraw) native.set.call(this, next);
    },
  });
}

// "focus" rather than "focusin", which Tasklist's page does not pass on; a key pressed covers a
// field that had the focus before this module arrived
for (const type of ['focus', 'keydown']) {
  document.addEventListener(type, (event) => {
    if (event.target instanceof Element && event.target.matches(GUARDED)) guard(event.target);
  }, true);
}
