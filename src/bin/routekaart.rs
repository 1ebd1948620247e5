//! The routekaart capability module, loaded when a user opens `#/zorgen` or `#/routekaart`.
meldwijzer::capability_module!("routekaart", meldwijzer::routekaart::RoutekaartScreen);
