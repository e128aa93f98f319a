-- docker-compose only: the postgres image creates role `care` and database `care_transitions`
-- (POSTGRES_USER / POSTGRES_DB); this adds the test database. infra/postgres.sh does the same locally.
CREATE DATABASE care_transitions_test OWNER care;
