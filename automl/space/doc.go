// Package space describes hyperparameter search spaces: integer, real
// (optionally log-scaled or stepped) and categorical parameters, some of
// which exist only when a condition on an earlier parameter holds, such as
// width_3 only when layers >= 3 or momentum only when optimizer is sgd.
//
// A Space is an ordered list of parameters. Validate rejects a bad space
// before any training runs, with errors naming each bad parameter; the
// checks follow Optuna's distributions (a log scale needs low > 0 and no
// step; low must not exceed high). Sample draws a point, Grid enumerates
// one, and both honour conditions. Default is tunebook's space for
// feed-forward networks; users narrow or widen a space with Set, Remove,
// Fix and the compact Override syntax ("layers=1:2,optimizer=adam|sgd"),
// or load one from a JSON file with Load. Contains checks that a point
// belongs to a space, and Portfolio returns the points of a space among a
// few network configurations known to work well on tabular data, for a
// search to start from.
//
// A point is a Params value: a JSON-friendly map with typed getters.
package space
