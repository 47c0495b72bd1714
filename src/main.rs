//! Mounts the planner into the page.

fn main() {}
