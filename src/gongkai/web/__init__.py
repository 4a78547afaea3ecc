"""gongkai's Django platform: one app per domain area, thin views over the core library."""
