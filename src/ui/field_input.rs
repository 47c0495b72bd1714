//! One input of the form, by its [`FieldKey`]: label, help and unit from the field table, text
//! and message from the form. Typing sends [`Edit::Type`]; leaving the field ends the edit.

use leptos::prelude::*;

use super::number_field::InputField;
use super::state::Planner;
use crate::model::{Edit, Field, FieldKey, FieldKind};

/// An input declared in the field table, shown with its label, help and unit.
#[component]
pub fn FieldInput(
    /// The planner's state.
    planner: Planner,
    /// Which input.
    field: Field,
    /// Shown beside a valid text when its value does not fit the rest of the plan.
    #[prop(optional, into)]
    advice: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let spec = field.spec();
    view! {
        <KeyInput
            planner
            key=FieldKey::Field(field)
            advice=advice.unwrap_or_default()
            label=spec.label
            hint=spec.hint
            unit=spec.unit.unwrap_or_default()
            money=spec.kind == FieldKind::Money
            numeric=spec.kind.is_number()
        />
    }
}

/// Any text of the form: an input of the field table or a cell of a stage or channel row.
#[component]
pub fn KeyInput(
    /// The planner's state.
    planner: Planner,
    /// Which text.
    key: FieldKey,
    /// The label (visually hidden when `compact`).
    #[prop(into)]
    label: Signal<String>,
    /// Help shown under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// A unit shown after the field, such as `%`; empty for none.
    #[prop(optional)]
    unit: &'static str,
    /// Whether the field holds money: the plan's currency code is shown before `unit`.
    #[prop(default = false)]
    money: bool,
    /// Whether the field holds a number (numeric keyboard on phones) rather than a name.
    #[prop(default = true)]
    numeric: bool,
    /// Hides the label visually, for fields in a table row.
    #[prop(default = false)]
    compact: bool,
    /// Shown beside a valid text when its value does not fit the rest of the plan.
    #[prop(optional, into)]
    advice: Signal<Option<String>>,
) -> impl IntoView {
    let (text, error) = planner.text(key, advice);
    let unit: Signal<String> = if money {
        let currency = planner.currency();
        Signal::derive(move || match unit {
            "" => currency.get().to_string(),
            unit => format!("{} {unit}", currency.get()),
        })
    } else {
        Signal::stored(unit.to_owned())
    };
    view! {
        <InputField
            label=label
            testid=key.testid()
            hint=hint.unwrap_or_default()
            unit=unit
            numeric=numeric
            compact=compact
            text=text
            error=error
            on_input=Callback::new(move |text: String| planner.edit(Edit::Type(key, text)))
            on_commit=Callback::new(move |()| planner.commit(key))
        />
    }
}
