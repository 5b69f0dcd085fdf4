"""/v1/articles: ingest, list, read and delete articles; /v1/analyze."""

from __future__ import annotations

from flask import request, url_for
from flask.views import MethodView
from flask_smorest import abort

from service.api.blueprint import Blueprint
from service.api.docs import NDJSON_BODY, RAW_ARTICLE_BODIES, WRITE_SECURITY, conditional
from service.ingest import ingest
from service.jobs.submit import submit_batch
from service.problem_documents import validation_problem
from service.schemas.article_schemas import (
    ArticleInSchema,
    ArticleListQuerySchema,
    ArticleListSchema,
    ArticleSchema,
    BatchAcceptedSchema,
    BatchInSchema,
)
from service.schemas.paging_schemas import page_body
from service.storage.article_store import ArticleQuery
from service.web.extensions import newsfacts

blp = Blueprint(
    "articles", __name__, url_prefix="/v1", description="Articles: ingest, list, read, delete"
)


def split_valid_items(items: list) -> tuple[list[dict], list[dict]]:
    """({"index", "payload"} of valid ArticleIn items, {"index", "problem"} of invalid ones)."""
    schema = ArticleInSchema()
    valid, rejected = [], []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            rejected.append(
                {
                    "index": index,
                    "problem": validation_problem(
                        {"_schema": ["Each article must be a JSON object."]}
                    ),
                }
            )
            continue
        errors = schema.validate(item)
        if errors:
            rejected.append({"index": index, "problem": validation_problem(errors)})
        else:
            valid.append({"index": index, "payload": item})
    return valid, rejected


@blp.route("/articles")
class Articles(MethodView):
    @blp.arguments(ArticleInSchema, content_type="application/json")
    @blp.doc(**RAW_ARTICLE_BODIES)
    @blp.response(201, ArticleSchema, description="Created")
    @blp.alt_response(200, schema=ArticleSchema, description="The text was already stored")
    @blp.doc(**WRITE_SECURITY)
    def post(self, payload):
        """Ingest and analyse one article"""
        article, created = ingest(payload, newsfacts.state)
        text = newsfacts.state.articles.get_text(article["id"]) or ""
        location = url_for("articles.Article", article_id=article["id"])
        return {**article, "text": text}, (201 if created else 200), {"Location": location}

    @blp.arguments(ArticleListQuerySchema, location="query")
    @blp.response(200, ArticleListSchema)
    @conditional
    def get(self, query):
        """List articles, newest published first"""
        state = newsfacts.state
        within = []
        if "entity" in query:
            within.append(state.corpus.entity_article_set(query.pop("entity")))
        if "speaker" in query:
            within.append(state.corpus.speaker_article_set(query.pop("speaker")))
        items, next_cursor = state.articles.list(ArticleQuery(**query, within=tuple(within)))
        return page_body(items, next_cursor)


@blp.before_app_request
def _allow_large_batches():
    # Batches may be far larger than one article; every other body keeps the default limit.
    if request.endpoint == "articles.ArticleBatch":
        request.max_content_length = newsfacts.state.settings.batch_max_content_length


@blp.route("/articles/batch")
class ArticleBatch(MethodView):
    @blp.arguments(BatchInSchema, content_type="application/json")
    @blp.doc(**NDJSON_BODY)
    @blp.response(202, BatchAcceptedSchema, description="Queued for background workers")
    @blp.doc(**WRITE_SECURITY)
    def post(self, batch):
        """Ingest many articles on background workers"""
        state = newsfacts.state
        items = batch["articles"]
        if len(items) > state.settings.batch_max_articles:
            abort(
                413, message=f"A batch holds at most {state.settings.batch_max_articles} articles."
            )
        valid, rejected = split_valid_items(items)
        job_id = submit_batch(state, valid, rejected)
        status_url = url_for("jobs.JobStatus", job_id=job_id)
        body = {
            "job_id": job_id,
            "status_url": status_url,
            "total": len(items),
            "rejected": len(rejected),
        }
        return body, 202, {"Location": status_url}


@blp.route("/articles/<string(length=16):article_id>")
class Article(MethodView):
    @blp.response(200, ArticleSchema)
    @conditional
    def get(self, article_id):
        """Get one article with its text"""
        found = newsfacts.state.articles.get(article_id)
        if found is None:
            abort(404, message=f"No article with id {article_id}.")
        meta, text = found
        return {**meta, "text": text}

    @blp.response(204)
    @blp.doc(**WRITE_SECURITY)
    def delete(self, article_id):
        """Delete an article and everything derived from it"""
        state = newsfacts.state
        if not state.articles.delete(
            article_id, pipeline_versions=[state.analyzer.pipeline_version]
        ):
            abort(404, message=f"No article with id {article_id}.")
        return None
