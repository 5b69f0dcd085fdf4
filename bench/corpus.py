"""`make bench` (corpus part): corpus endpoints at 100 vs 2,000 articles, batch vs nlp.pipe.

Prints ratios measured in this run, each the median of at least 3 repetitions:
- corpus latency ratio = median latency with 2,000 articles / with 100 (target <= 2.0)
- batch throughput ratio = articles/s through POST /v1/articles/batch and a worker
  / articles/s of nlp.pipe alone over the same texts, with spaCy's default pipeline
  (target >= 0.8); and, for reference, / nlp.pipe of newsfacts' own faster pipeline
  (what extraction and storage add to the parse)
Uses the Redis at REDIS_URL (default redis://127.0.0.1:6379/9) under a private prefix,
deleted afterwards.
"""

from __future__ import annotations

import os
import random
import statistics
import time
import uuid

import redis
import spacy
from rq import SimpleWorker

from service.app import create_app
from service.config import Settings
from service.nlp.pipeline import DEFAULT_MODEL

PEOPLE = [
    "Maria Lopez",
    "Daniel Okafor",
    "Helen Ortiz",
    "Sven Lindqvist",
    "Aiko Tanaka",
    "Rafael Costa",
    "Nadia Haddad",
    "Peter Novak",
    "Grace Mensah",
    "Omar Siddiqui",
]
PLACES = [
    "Port Calder",
    "Marlow Creek",
    "Seabrook",
    "Dunmore",
    "Tarn",
    "Lode",
    "Kestrel Bay",
    "Ashford",
    "Brightwater",
    "Elmstead",
]
EVENTS = [
    ("flood", "swept through"),
    ("fire", "tore through"),
    ("storm", "battered"),
    ("landslide", "buried homes in"),
    ("explosion", "rocked"),
]
ROLES = ["Mayor", "Governor", "police chief", "fire commissioner", "spokeswoman"]


BACKGROUND = [
    "Residents described a long night of uncertainty as emergency crews moved from street to "
    "street, checking on neighbours and clearing roads for ambulances and supply trucks.",
    "The regional government opened shelters in schools and sports halls, and volunteers "
    "handed out blankets, water and hot meals to families who had left their homes.",
    "Engineers began inspecting bridges, power lines and water pipes, and officials warned that "
    "some services could remain interrupted for several days while repairs were carried out.",
    "Local businesses said they expected heavy losses, and several shop owners told reporters "
    "that they were still waiting to learn whether their insurance would cover the damage.",
    "Meteorologists had issued warnings earlier in the week, and critics asked whether the "
    "authorities had done enough to prepare the town and to inform people in time.",
    "Aid organisations said they were sending teams and equipment, and appealed for donations "
    "to help the hardest-hit districts recover in the coming weeks and months.",
    "Schools in the area were closed until further notice, and the railway operator suspended "
    "services on two lines while crews removed debris from the tracks.",
    "Hospitals postponed planned operations to make room for new patients, and blood banks "
    "asked donors to come forward as supplies ran low across the region.",
]


def synthetic_article(n: int, rng: random.Random) -> str:
    """A news-length text (about 400 words) with entities, quotes and casualty figures."""
    person, other = rng.sample(PEOPLE, 2)
    place = rng.choice(PLACES)
    event, verb = rng.choice(EVENTS)
    killed, injured = rng.randint(0, 90), rng.randint(0, 300)
    role = rng.choice(ROLES)
    return (
        f"A {event} {verb} {place} on day {n}, killing at least {killed} people and injuring "
        f"{injured} others, officials said.\n\n"
        f"{role.capitalize()} {person} said rescue teams worked through the night. "
        f"\u201cWe are doing everything we can for the families in {place},\u201d "
        f"{person.split()[-1]} told reporters.\n\n"
        f"{other} of the regional council said the damage would take months to repair, and "
        f"that report {n} would be published next week. \u201cThis is the worst {event} in a "
        f"decade,\u201d {other.split()[-1]} said.\n\n"
        f"The {place} hospital said {rng.randint(1, 40)} patients were in serious condition.\n\n"
        + "\n\n".join(" ".join(rng.sample(BACKGROUND, 3)) for _ in range(4))
    )


def median_latency(client, url: str, *, requests: int = 40, repeats: int = 3) -> float:
    medians = []
    for _ in range(repeats):
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)
        medians.append(statistics.median(times))
    return statistics.median(medians)


CORPUS_URLS = [
    "/v1/entities?limit=20",
    "/v1/entities?type=PERSON&limit=20",
    "/v1/quotes?limit=20",
    "/v1/quotes?speaker=lopez&limit=20",
    "/v1/casualties?limit=20",
    "/v1/casualties?min_killed=50&limit=20",
    "/v1/articles?entity=Maria%20Lopez&limit=20",
]


def main() -> int:
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/9"
    prefix = f"nfbench:{uuid.uuid4().hex[:8]}:"
    settings = Settings(
        redis_url=url,
        redis_prefix=prefix,
        load_seeds=False,
        queue_name=f"{prefix}queue",
        batch_max_articles=5000,
        batch_max_content_length=256 * 1024 * 1024,
        log_level="WARNING",
    )
    app = create_app(settings)
    services = app.extensions["newsfacts"]
    import service.jobs.tasks as tasks  # noqa: PLC0415 - the worker task must use these services

    tasks.worker_services = lambda: services
    client = app.test_client()
    rng = random.Random(7)
    texts = [synthetic_article(n, rng) for n in range(2300)]

    def batch_ingest(chunk: list[str]) -> float:
        start = time.perf_counter()
        response = client.post(
            "/v1/articles/batch", json={"articles": [{"text": t} for t in chunk]}
        )
        assert response.status_code == 202, response.data
        SimpleWorker([services.queue], connection=services.redis).work(burst=True)
        job = client.get(response.get_json()["status_url"]).get_json()
        assert job["done"] == len(chunk), job
        return time.perf_counter() - start

    try:
        batch_ingest(texts[:100])
        small = {u: median_latency(client, u) for u in CORPUS_URLS}
        batch_ingest(texts[100:2000])
        large = {u: median_latency(client, u) for u in CORPUS_URLS}

        sample = texts[2000:2300]
        default_nlp = spacy.load(DEFAULT_MODEL)
        pipe_times, own_pipe_times, batch_times = [], [], []
        for rep in range(3):
            chunk = sample[rep * 100 : (rep + 1) * 100]
            start = time.perf_counter()
            list(default_nlp.pipe(chunk, batch_size=16))
            pipe_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            list(services.analyzer.nlp.pipe(chunk, batch_size=16))
            own_pipe_times.append(time.perf_counter() - start)
            batch_times.append(batch_ingest(chunk))
    finally:
        client_redis = redis.Redis.from_url(url)
        for key in client_redis.scan_iter(match=f"{prefix}*", count=1000):
            client_redis.delete(key)
        for key in client_redis.scan_iter(match=f"rq:*{prefix}*", count=1000):
            client_redis.delete(key)

    print("corpus endpoint latency, median of 3 x 40 requests (Flask test client)")
    print(f"{'endpoint':45} {'100 art.':>10} {'2000 art.':>10} {'ratio':>7}")
    ratios = []
    for u in CORPUS_URLS:
        ratio = large[u] / small[u]
        ratios.append(ratio)
        print(f"{u:45} {small[u] * 1000:9.2f}ms {large[u] * 1000:9.2f}ms {ratio:7.2f}")
    worst = max(ratios)
    pipe_rate = 100 / statistics.median(pipe_times)
    own_pipe_rate = 100 / statistics.median(own_pipe_times)
    batch_rate = 100 / statistics.median(batch_times)
    print(f"corpus latency ratio (2000 vs 100, worst endpoint): {worst:.2f}  (target <= 2.0)")
    print(
        f"batch ingest: {batch_rate:.1f} articles/s; nlp.pipe alone: {pipe_rate:.1f} articles/s "
        f"(spaCy's default pipeline), {own_pipe_rate:.1f} articles/s (newsfacts' pipeline)"
    )
    print(
        f"batch throughput ratio (batch / nlp.pipe): {batch_rate / pipe_rate:.2f}  (target >= 0.8)"
    )
    print(
        f"  the same against newsfacts' own pipeline: {batch_rate / own_pipe_rate:.2f}  "
        "(extraction and storage on top of its parse)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
