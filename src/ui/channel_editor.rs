//! Marketing channels: name, share of leads and cost per lead, with their shares' total.

use leptos::prelude::*;

use super::field_input::KeyInput;
use super::rows::rows;
use super::shown::shown;
use super::state::Planner;
use crate::browser::focus::focus_later;
use crate::model::wording::{self, labels};
use crate::model::{Edit, FieldKey, Form};

/// The list of channels with add, remove and scale buttons and the shares' total.
#[component]
pub fn ChannelEditor(
    /// The planner's state.
    planner: Planner,
) -> impl IntoView {
    let form = planner.form;
    let count = Memo::new(move |_| form.with(|form| form.channels().len()));
    let total_note = Memo::new(move |_| {
        planner.budget().with(|budget| {
            let total = budget.shares_total_ppm;
            (count.get() > 0 && total != 1_000_000).then(|| {
                wording::shares_total_note(&crate::model::rate::ppm_percent_plain(
                    u32::try_from(total).unwrap_or(u32::MAX),
                ))
            })
        })
    });
    let can_scale = Memo::new(move |_| form.with(Form::can_scale_channels));
    let can_add = Memo::new(move |_| form.with(Form::can_add_channel));
    let add = move |_: leptos::ev::MouseEvent| {
        let index = count.get_untracked();
        if form.with_untracked(Form::can_add_channel) {
            planner.edit(Edit::AddChannel);
            focus_later(format!("channel-name-{index}"));
        }
    };
    view! {
        <div class="channels">
            <h3>{labels::channel_editor::CHANNELS}</h3>
            <p class="hint">{wording::CHANNELS_HELP}</p>
            {shown(move || { count.get() > 0 }, move || view! {
                <p class="note" data-testid="channels-replace-cpl">
                    {labels::channel_editor::WITH_CHANNELS_THEIR_COSTS_REPLACE}
                </p>
            }.into_any())}
            <ul class="channel-list">
                {rows(count, move |index| view! { <ChannelRow planner index/> }.into_any())}
            </ul>
            <p class="field-error" data-testid="channels-error" role="status">
                {total_note}
                {shown(move || total_note.with(Option::is_some), move || view! {
                    " "
                    <button
                        type="button"
                        class="link-button"
                        data-testid="channels-scale"
                        disabled=move || !can_scale.get()
                        title=move || if can_scale.get() { "" } else { wording::FIX_SHARE_FIRST }
                        on:click=move |_| planner.edit(Edit::ScaleChannels)
                    >{labels::channel_editor::SCALE_TO_100}</button>
                }.into_any())}
            </p>
            <button
                type="button"
                class="secondary"
                data-testid="channel-add"
                disabled={move || !can_add.get()}
                on:click=add
            >{labels::channel_editor::ADD_CHANNEL}</button>
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
    let name = Memo::new(move |_| planner.channel_name(index));
    // From the channel's name alone, so an edit of a share does not rebuild the labels.
    let label = move |key: FieldKey| {
        Signal::derive(move || {
            name.with(|name| key.label_with(|_| String::new(), |_| name.clone()))
        })
    };
    let remove = move |_: leptos::ev::MouseEvent| {
        planner.edit(Edit::RemoveChannel(index));
        focus_later("channel-add".to_owned());
    };
    view! {
        <li class="channel-row">
            <KeyInput
                planner
                key=FieldKey::ChannelName(index)
                label=wording::row_names::channel_name(index)
                numeric=false
                compact=true
            />
            <KeyInput
                planner
                key=FieldKey::ChannelShare(index)
                label=label(FieldKey::ChannelShare(index))
                unit="%"
                compact=true
            />
            <KeyInput
                planner
                key=FieldKey::ChannelCost(index)
                label=label(FieldKey::ChannelCost(index))
                unit="per lead"
                money=true
                compact=true
            />
            <button
                type="button"
                data-testid=format!("channel-remove-{index}")
                aria-label=move || wording::row_names::remove_channel(&name.get())
                title=labels::channel_editor::REMOVE
                on:click=remove
            >"\u{2715}"</button>
        </li>
    }
}
