"""Which sequence flows of the deployed diagrams the test run has walked.

Every completion writes the flows it took into its audit row; the ``db`` fixture hands those rows
here before emptying the database, and the run ends with the coverage per diagram.
"""

from engine.specs import load_bundle, read_bundle


class FlowCoverage:
    def __init__(self):
        self.flows = load_bundle(read_bundle()).flows
        self.taken: set[tuple[str, str]] = set()

    def add_from_audit(self, datas) -> None:
        for data in datas:
            for source, target in (data or {}).get("flows", []):
                self.taken.add((source, target))

    def missing(self):
        return [f for f in self.flows if (f.source, f.target) not in self.taken]

    def report_lines(self):
        if not self.taken:
            return []
        lines = ["", "sequence-flow coverage:"]
        for process_id in sorted({f.process_id for f in self.flows}):
            flows = [f for f in self.flows if f.process_id == process_id]
            hit = sum((f.source, f.target) in self.taken for f in flows)
            lines.append(f"  {process_id:<24} {hit:>3}/{len(flows):<3} {100 * hit / len(flows):6.1f} %")
        total = len(self.flows) - len(self.missing())
        lines.append(
            f"  {'TOTAL':<24} {total:>3}/{len(self.flows):<3} {100 * total / len(self.flows):6.1f} %"
        )
        lines += [f"  not taken: {f.process_id}:{f.id} {f.source} -> {f.target}" for f in self.missing()]
        return lines
