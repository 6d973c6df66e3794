"""Answer a modal dialog the way a user does: wait for it, then click one of its buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox


def click_in_next_dialog(
    button_name: str, seen: list[str] | None = None, labels: list[str] | None = None
) -> None:
    """When the next modal box opens, click its button called ``button_name``.

    ``seen`` receives the box's text, so the test can check what was asked; ``labels``
    receives the texts of its buttons.
    """

    def poll() -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        if not boxes:
            QTimer.singleShot(20, poll)
            return
        box = boxes[-1]
        if seen is not None:
            seen.append(box.text())
        if labels is not None:
            labels.extend(b.text() for b in box.buttons())
        button = box.findChild(QAbstractButton, button_name)
        assert button is not None, f"no button {button_name} in the dialog"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, poll)
