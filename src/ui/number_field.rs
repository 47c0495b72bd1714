//! A labelled text field for a number or a name, with its error message beside it.

use leptos::prelude::*;

/// A labelled input. Bad text stays in the field, and the message says what is wrong and
/// which value the plan still uses.
#[component]
pub fn InputField(
    /// The label (visible unless `compact`).
    #[prop(into)]
    label: Signal<String>,
    /// The `data-testid` hook, also used as the element id.
    #[prop(into)]
    testid: String,
    /// The text in the field.
    #[prop(into)]
    text: Signal<String>,
    /// The error message, or `None` when the text is valid.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called with the new text on every keystroke.
    on_input: Callback<String>,
    /// Called when the field loses focus: the edit is over.
    on_commit: Callback<()>,
    /// Whether the field holds a number (numeric keyboard on phones) rather than a name.
    #[prop(default = true)]
    numeric: bool,
    /// A unit shown after the field, such as `%` or a currency code; empty for none.
    #[prop(into)]
    unit: Signal<String>,
    /// Help shown under the label; empty for none.
    #[prop(optional, into)]
    hint: String,
    /// Hides the label visually (kept for screen readers), for fields in a table row.
    #[prop(default = false)]
    compact: bool,
) -> impl IntoView {
    let error_id = format!("{testid}-error");
    let hint_id = format!("{testid}-hint");
    let described_by = {
        let (error_id, hint_id, has_hint) = (error_id.clone(), hint_id.clone(), !hint.is_empty());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=testid.clone() class:visually-hidden=compact>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
            <div class="control">
                <input
                    id=testid.clone()
                    data-testid=testid
                    type="text"
                    inputmode=if numeric { "decimal" } else { "text" }
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=described_by
                    prop:value=move || text.get()
                    on:input=move |event| on_input.run(event_target_value(&event))
                    on:blur=move |_| on_commit.run(())
                />
                {move || unit.with(|u| (!u.is_empty()).then(|| view! { <span class="unit" aria-hidden="true">{u.clone()}</span> }))}
            </div>
            <p class="field-error" id=error_id.clone() data-testid=error_id role="alert">
                {error}
            </p>
        </div>
    }
}
