// filter_panel.hpp — the left panel: service, stage, channel, region, locale and month range, applied to every view.
#pragma once

#include "app/dataset.hpp"
#include "app/filter_state.hpp"
#include "app/titles.hpp"

namespace otklik::review {

// Draws the panel into the current window; true when the reviewer changed a filter this frame.
bool draw_filter_panel(filter_state& state, const dataset& data, const titles& names);

}  // namespace otklik::review
