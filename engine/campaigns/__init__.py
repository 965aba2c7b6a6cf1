"""The campaign layer (专项整治): institution register, campaigns and coverage, inspections, complaints,
transfers, the case ledger, summary figures, credit and disclosure.

Like the rest of the engine it imports no Flask. Writes take a ``sessionmaker`` and run in one
transaction each (``runtime.transaction``); reads take a session. Every figure is an SQL aggregate
over case columns and completed task rows: no workflow is deserialised to count anything.
"""
