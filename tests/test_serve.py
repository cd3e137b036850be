"""The warm-up that loads the assistant in the background while the app starts."""

from __future__ import annotations

import threading

import pytest

from assistant import serve
from assistant.config import Settings
from assistant.errors import AssistantError, IndexNotBuiltError
from assistant.serve import Warmup, warmup


def test_not_ready_until_loaded_then_hands_over_the_assistant(settings: Settings) -> None:
    gate, loaded = threading.Event(), object()
    warm = Warmup(settings, load=lambda s: (gate.wait(10), loaded)[1]).start()
    assert not warm.ready()
    with pytest.raises(AssistantError, match="Still warming up"):
        warm.wait(timeout=0.05)
    gate.set()
    assert warm.wait(timeout=10) is loaded and warm.ready()


def test_a_failed_load_reaches_whoever_waits_as_one_line(settings: Settings) -> None:
    def broken(s: Settings):
        raise IndexNotBuiltError("No index: run assistant ingest")

    with pytest.raises(IndexNotBuiltError, match="run assistant ingest"):
        Warmup(settings, load=broken).start().wait(timeout=10)

    def crashed(s: Settings):
        raise ValueError("disk on fire")

    with pytest.raises(AssistantError, match="Could not load the assistant .*disk on fire"):
        Warmup(settings, load=crashed).start().wait(timeout=10)


@pytest.mark.slow  # the real warm-up builds the fixture corpus's index with the real model
def test_one_warm_up_per_process_and_settings(
    settings: Settings, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve, "_WARMUPS", {})  # this test's warm-ups only
    other = Settings(_env_file=None, corpus_dir=settings.corpus_dir, index_dir=tmp_path / "other")
    try:
        assert warmup(settings) is warmup(settings)
        assert warmup(other) is not warmup(settings)
    finally:  # these load in the background: wait, so nothing writes after the test
        for s in (settings, other):
            warmup(s).settle(timeout=300)
