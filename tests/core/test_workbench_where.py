"""Workbench.count: one aggregate per model, restricted to the rows in some queue (the OR of the queues'
conditions) so a queue over a big table does not scan it whole; each count keeps its own filter."""

import datetime

from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from labor_portal.core.sections import Queue, Workbench
from tests.tenth_section.models import Visit

TODAY = datetime.date(2020, 3, 10)


def visits_workbench(*queues):
    return Workbench(Visit, list(queues))


def counted(workbench):
    with CaptureQueriesContext(connection) as queries:
        rows = workbench.count(TODAY)
    return rows, [query["sql"] for query in queries]


def test_the_aggregate_has_a_where_of_the_queues_conditions(db):
    Visit.objects.create(visited_on=datetime.date(2020, 3, 2))
    Visit.objects.create(visited_on=datetime.date(2020, 3, 1), done=True)
    Visit.objects.create(visited_on=datetime.date(2020, 1, 5), done=True)
    rows, sql = counted(visits_workbench(
        Queue("未完成", Q(done=False), due="visited_on"),
        Queue("三月已完成", Q(done=True, visited_on__gte=datetime.date(2020, 3, 1))),
    ))
    assert len(sql) == 1
    where = sql[0].upper().split(" WHERE ", 1)
    assert len(where) == 2 and " OR " in where[1]
    # The counts are those of each queue's own filter, not of the union.
    assert [row["count"] for row in rows] == [1, 1]
    assert rows[0]["due"] == datetime.date(2020, 3, 2)
    assert rows[1]["due"] is None


def test_the_counts_are_those_of_counting_each_queue_alone(db):
    for day, done in [(1, False), (2, False), (3, True), (4, True), (5, True)]:
        Visit.objects.create(visited_on=datetime.date(2020, 2, day), done=done)
    queues = [Queue("未完成", Q(done=False)), Queue("二月四日後", Q(visited_on__gte=datetime.date(2020, 2, 4)))]
    rows, _ = counted(visits_workbench(*queues))
    assert [row["count"] for row in rows] == [Visit.objects.filter(queue.where).count() for queue in queues]
    assert [row["count"] for row in rows] == [2, 2]


def test_no_queue_rows_counts_zero_and_no_due(db):
    Visit.objects.create(visited_on=datetime.date(2020, 2, 1), done=True)
    rows, sql = counted(visits_workbench(Queue("未完成", Q(done=False), due="visited_on")))
    assert " WHERE " in sql[0].upper()
    assert rows[0]["count"] == 0 and rows[0]["due"] is None and not rows[0]["overdue"]


def test_a_queue_of_every_row_is_not_dropped_from_the_where(db):
    Visit.objects.create(visited_on=datetime.date(2020, 2, 1), done=True)
    Visit.objects.create(visited_on=datetime.date(2020, 2, 2))
    rows, _ = counted(visits_workbench(Queue("全部", Q()), Queue("未完成", Q(done=False))))
    assert [row["count"] for row in rows] == [2, 1]
