-- Our own tables, beside the engine's (which Camunda creates and upgrades itself).
-- IF NOT EXISTS: databases from before Flyway already hold these, made by the application at start;
-- on them this version records what is there and changes nothing. H2 and PostgreSQL both take it as written.

-- case numbers for CSPR-<year>-<nnnn>, counted across every node
CREATE SEQUENCE IF NOT EXISTS cspr_case_number START WITH 1;

-- every case reference in use; the primary key refuses a second case with the same reference
CREATE TABLE IF NOT EXISTS cspr_case_reference (
  reference VARCHAR(40) PRIMARY KEY,
  process_instance_id VARCHAR(64) NOT NULL,
  recorded_on DATE NOT NULL
);

-- response links, kept only as the SHA-256 of their token
CREATE TABLE IF NOT EXISTS cspr_response_link (
  token_hash VARCHAR(64) PRIMARY KEY,
  process_instance_id VARCHAR(64) NOT NULL,
  task_id VARCHAR(64) NOT NULL,
  issued_at TIMESTAMP NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  used_at TIMESTAMP
);
