//! Marketing channels: name, share of leads and cost per lead, with their shares' total.

use leptos::prelude::*;

use super::form_field::still_using;
use super::number_field::InputField;
use super::state::Planner;
use crate::browser::focus::focus_later;
use crate::model::{ChannelEntry, Form};

/// Reads something from channel `index`, or a default while the row is going away.
fn read_channel<T: Default>(form: &Form, index: usize, read: impl FnOnce(&ChannelEntry) -> T) -> T {
    form.channels().get(index).map(read).unwrap_or_default()
}

/// The list of channels with add and remove buttons and the shares' check.
#[component]
pub fn ChannelEditor(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let form = planner.form;
    let count = Memo::new(move |_| form.with(|form| form.channels().len()));
    let total_error = Memo::new(move |_| {
        form.with(|form| {
            form.channels_error().map(|error| {
                format!("{error}. Until they do, the blended cost per lead above is used.")
            })
        })
    });
    let add = move |_: leptos::ev::MouseEvent| {
        let mut added = None;
        planner.edit(|form| added = form.add_channel());
        if let Some(index) = added {
            focus_later(format!("channel-name-{index}"));
        }
    };
    view! {
        <div class="channels">
            <h3>"Channels"</h3>
            <p class="hint">
                "Optional. Split marketing's leads by channel, each with its own cost per lead \
                 (B2B SaaS: search $20\u{2013}100, LinkedIn $40\u{2013}200, paid social $80\u{2013}200). \
                 Shares must total 100 %."
            </p>
            <ul class="channel-list">
                <For
                    each=move || 0..count.get()
                    key=|index| *index
                    children=move |index| view! { <ChannelRow planner index/> }
                />
            </ul>
            <p class="field-error" data-testid="channels-error" role="alert">{move || total_error.get()}</p>
            <button
                type="button"
                class="secondary"
                data-testid="channel-add"
                disabled={move || !form.with(Form::can_add_channel)}
                on:click=add
            >"+ Add channel"</button>
        </div>
    }
}

/// One channel's row.
#[component]
fn ChannelRow(
    /// The planner's state.
    planner: Planner,
    /// The channel's position.
    index: usize,
) -> impl IntoView {
    let form = planner.form;
    let name =
        Memo::new(move |_| form.with(|f| read_channel(f, index, |c| c.name.value.to_string())));
    let text = move |read: fn(&ChannelEntry) -> String| {
        Signal::derive(move || form.with(|f| read_channel(f, index, read)))
    };
    let error = move |read: fn(&ChannelEntry) -> Option<String>| {
        Signal::derive(move || form.with(|f| read_channel(f, index, read)))
    };
    let remove = move |_: leptos::ev::MouseEvent| {
        planner.edit(|form| {
            form.remove_channel(index);
        });
        focus_later("channel-add".to_owned());
    };
    view! {
        <li class="channel-row">
            <InputField
                label=format!("Channel {} name", index + 1)
                testid=format!("channel-name-{index}")
                text=text(|c| c.name.text.clone())
                error=error(|c| still_using(&c.name, |n| format!("\u{201c}{n}\u{201d}")))
                numeric=false
                compact=true
                on_input=Callback::new(move |t: String| planner.edit(|f| f.set_channel_name(index, &t)))
            />
            <InputField
                label=Signal::derive(move || format!("{} share of leads", name.get()))
                testid=format!("channel-share-{index}")
                text=text(|c| c.share.text.clone())
                error=error(|c| still_using(&c.share, |s| format!("{} %", s.percent_plain())))
                unit="%"
                compact=true
                on_input=Callback::new(move |t: String| planner.edit(|f| f.set_channel_share(index, &t)))
            />
            <InputField
                label=Signal::derive(move || format!("{} cost per lead", name.get()))
                testid=format!("channel-cpl-{index}")
                text=text(|c| c.cost_per_lead.text.clone())
                error=error(|c| still_using(&c.cost_per_lead, |m| m.to_display()))
                unit="per lead"
                compact=true
                on_input=Callback::new(move |t: String| planner.edit(|f| f.set_channel_cost(index, &t)))
            />
            <button
                type="button"
                data-testid=format!("channel-remove-{index}")
                aria-label=move || format!("Remove channel {}", name.get())
                title="Remove"
                on:click=remove
            >"\u{2715}"</button>
        </li>
    }
}
