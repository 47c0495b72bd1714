//! One form field described as data: label, hook, help, where it lives in the form, how it
//! is shown and edited. Panels list their fields instead of repeating markup.

use std::fmt::Display;

use leptos::prelude::*;

use super::number_field::InputField;
use super::state::Planner;
use crate::model::{Entry, Form};

/// The message for a field with bad text: what is wrong and the value still in use.
pub fn still_using<T, E: Display>(
    entry: &Entry<T, E>,
    show: impl FnOnce(&T) -> String,
) -> Option<String> {
    entry.error.as_ref().map(|error| {
        let value = show(&entry.value);
        if value.is_empty() {
            format!("{error} Still using none.")
        } else {
            format!("{error} Still using {value}.")
        }
    })
}

/// A form field described as data.
pub struct FormField<T: 'static, E: 'static> {
    /// The visible label.
    pub label: &'static str,
    /// The `data-testid` hook and element id.
    pub testid: &'static str,
    /// Help in plain words.
    pub hint: &'static str,
    /// Where the field lives in the form.
    pub entry: fn(&Form) -> &Entry<T, E>,
    /// How its last valid value is shown in messages.
    pub show: fn(&T) -> String,
    /// How an edit is applied.
    pub edit: fn(&mut Form, &str),
    /// A unit shown after the field, such as `%`.
    pub unit: Option<&'static str>,
}

impl<T: 'static, E: Display + 'static> FormField<T, E> {
    /// Renders the field, its text and message derived from the form.
    pub fn view(self, planner: Planner) -> impl IntoView {
        let Self {
            label,
            testid,
            hint,
            entry,
            show,
            edit,
            unit,
        } = self;
        let form = planner.form;
        view! {
            <InputField
                label=label
                testid=testid
                hint=hint
                unit=unit.unwrap_or_default()
                text=Signal::derive(move || form.with(|form| entry(form).text.clone()))
                error=Signal::derive(move || form.with(|form| still_using(entry(form), show)))
                on_input=Callback::new(move |text: String| planner.edit(|form| edit(form, &text)))
            />
        }
    }
}
