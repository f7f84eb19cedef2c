"""File > Compare with…: what changed between the open briefing and another, in a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from briefing.store.diff import CHANGES, KINDS, BriefingDiff, plain
from briefing.ui.common.plain_text import plain_tooltip


class DiffDialog(QDialog):
    """Three groups (ports, observations, proposals); each change lists the fields that differ."""

    def __init__(self, diff: BriefingDiff, old_name: str, new_name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("diffDialog")
        self.setWindowTitle(self.tr("对比简报"))
        self.diff = diff
        kinds = {"port": self.tr("口岸"), "observation": self.tr("数据"), "proposal": self.tr("建议")}
        changes = {"added": self.tr("新增"), "removed": self.tr("删除"), "changed": self.tr("修改")}
        names = {
            "value": self.tr("数值"),
            "unit": self.tr("单位"),
            "kind": self.tr("类型"),
            "period": self.tr("时期"),
            "period_zh": self.tr("时期(原文)"),
            "as_written": self.tr("原文写法"),
            "passage_id": self.tr("原文段落"),
            "name_zh": self.tr("中文名"),
            "name_en": self.tr("英文名"),
            "status": self.tr("状态"),
            "title_zh": self.tr("标题"),
            "text_zh": self.tr("全文"),
            "port_ids": self.tr("涉及口岸"),
        }
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        counts = diff.counts()
        self.summary.setText(
            "\n".join(
                [
                    self.tr("原:{0}({1},截至 {2})").format(old_name, diff.old_title, diff.old_as_of),
                    self.tr("新:{0}({1},截至 {2})").format(new_name, diff.new_title, diff.new_as_of),
                    "  ·  ".join(
                        f"{kinds[k]}:" + ",".join(f"{changes[c]} {counts[k][c]}" for c in CHANGES) for k in KINDS
                    ),
                ]
                + ([self.tr("口岸、数据和建议都没有变化。")] if diff.is_empty else [])
            )
        )
        self.tree = QTreeWidget()
        self.tree.setObjectName("diffTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("变化"), self.tr("编号"), self.tr("内容")])
        for kind in KINDS:
            found = diff.of(kind)
            group = QTreeWidgetItem([f"{kinds[kind]}({len(found)})", "", ""])
            self.tree.addTopLevelItem(group)
            for change in found:
                item = QTreeWidgetItem([changes[change.change], change.id, change.label])
                item.setToolTip(2, plain_tooltip(change.label))
                for field in change.fields:
                    old, new = plain(field.old), plain(field.new)
                    child = QTreeWidgetItem(["", names.get(field.name, field.name), f"{old} → {new}"])
                    child.setToolTip(2, plain_tooltip(f"{old}\n→\n{new}"))
                    item.addChild(child)
                group.addChild(item)
            group.setExpanded(bool(found))
        for item in self._groups():
            for child in (item.child(j) for j in range(item.childCount())):
                child.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(1000, 640)

    def _groups(self) -> list[QTreeWidgetItem]:
        """The tree's top-level items: one per kind of change."""
        found = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in found if item is not None]

    def listed(self) -> list[tuple[str, str, str]]:
        """(kind group, change, id) for every change shown, as a user reads the tree."""
        rows = []
        for group in self._groups():
            for j in range(group.childCount()):
                rows.append((group.text(0), group.child(j).text(0), group.child(j).text(1)))
        return rows
