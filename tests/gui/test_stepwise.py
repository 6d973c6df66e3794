"""Work built a piece at a time (the result tabs while an import runs)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from privacy_audit.gui.stepwise import Stepwise


def _pieces(
    built: list[str], names: tuple[str, ...] = ("a", "b", "c")
) -> Callable[[], Iterator[None]]:
    def pieces() -> Iterator[None]:
        for index, name in enumerate(names):
            if index:
                yield
            built.append(name)

    return pieces


def test_step_builds_one_piece_per_call_and_says_whether_more_are_left() -> None:
    built: list[str] = []
    work = Stepwise(_pieces(built))
    assert built == []  # nothing before the first step
    assert work.step() is True and built == ["a"]
    assert work.step() is True and built == ["a", "b"]
    assert work.step() is False and built == ["a", "b", "c"]  # the last: nothing left
    assert work.done
    assert work.step() is False and built == ["a", "b", "c"]  # never twice


def test_finish_builds_what_is_left_at_once() -> None:
    built: list[str] = []
    work = Stepwise(_pieces(built))
    work.step()
    work.finish()
    assert built == ["a", "b", "c"] and work.done
    work.finish()
    assert built == ["a", "b", "c"]


def test_finish_from_inside_a_piece_does_not_reenter_the_running_piece() -> None:
    built: list[str] = []

    def pieces() -> Iterator[None]:
        built.append("a")
        work.finish()  # e.g. a property the piece itself reads
        yield
        built.append("b")

    work = Stepwise(pieces)
    work.finish()
    assert built == ["a", "b"] and work.done


def test_run_ahead_builds_one_piece_per_scheduled_callback() -> None:
    built: list[str] = []
    work = Stepwise(_pieces(built))
    queue: list[Callable[[], None]] = []
    work.run_ahead(queue.append)
    work.run_ahead(queue.append)  # already scheduled: not twice
    assert len(queue) == 1 and built == []
    turns = 0
    while queue:
        queue.pop(0)()
        turns += 1
        assert len(built) == min(turns, 3)  # one piece per turn of the event loop
    assert built == ["a", "b", "c"] and work.done
    work.run_ahead(queue.append)
    assert queue == []  # nothing left to schedule
