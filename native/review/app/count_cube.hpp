// count_cube.hpp — the store counted once, at load, by every dimension the filter panel filters on (service,
// stage, channel, region, locale, month). A filter change then merges the cube's cells instead of passing over
// every row again: the same counts, from thousands of cells instead of millions of rows. The cube is built only
// when its cells fit a memory budget; otherwise (and for week or day trends) the viewer counts the rows.
#pragma once

#include <cstdint>
#include <optional>

#include "otklik/aggregate.hpp"

namespace otklik::review {

struct count_cube {
  aggregation cells;   // grouped by service, stage, channel, region, locale, period (month)
};

// How many cells the cube would have (distinct combinations present in the rows), found without counting answers.
[[nodiscard]] std::size_t cube_cells(const columnar_store& store);

// The cube, when `cube_cells(store)` cells of `bytes_per_cell(store)` fit in `max_bytes`; nothing otherwise.
[[nodiscard]] std::optional<count_cube> build_cube(const columnar_store& store, std::size_t max_bytes, unsigned threads);

// Memory one cell takes (its counts, with one entry per criterion of the store).
[[nodiscard]] std::size_t bytes_per_cell(const columnar_store& store) noexcept;

// Whether the cube answers `rows` grouped by `unit`: month periods, and an hour range on month boundaries.
[[nodiscard]] bool cube_answers(const filter& rows, period_unit unit) noexcept;

// The rows passing `rows`, grouped by (service, stage, month period), from the cube: what
// aggregate(store, rows, {service, stage, period}) gives.
[[nodiscard]] aggregation count_from_cube(const count_cube& cube, const filter& rows);

}  // namespace otklik::review
