"""依申请公开: registering, reviewing, handling, replying to and archiving applications.

The state and every deadline of a case are derived from its append-only event log by
``gongkai.clock``; ``services`` is the only module that writes (views, tasks and the demo
call it).
"""
