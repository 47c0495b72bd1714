//! Mounts the planner into the page.

fn main() {
    leptos::mount::mount_to_body(funnel_planner::App);
}
