// Blazor JS initializer: a notes "input" event that also tells the server what the field held just before,
// so each keystroke is applied as an edit (not as the whole text) and never erases words merged in meanwhile.
export function afterWebStarted(blazor) {
    blazor.registerCustomEventType('notesinput', {
        browserEventName: 'input',
        createEventArgs: event => {
            const field = event.target;
            const previous = field.__previous ?? field.defaultValue;
            field.__previous = field.value;
            return { previous: previous, value: field.value };
        }
    });
}
