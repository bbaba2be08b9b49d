-- Where the incident happened, in words ("the family home", "a park in Northtown"): as identifying as
-- a child's address, so sealed and held apart like the children's details, one per case.
CREATE TABLE IF NOT EXISTS cspr_incident_place (
  case_reference VARCHAR(40) PRIMARY KEY,
  sealed VARCHAR(4000) NOT NULL,
  recorded_at TIMESTAMP NOT NULL,
  recorded_by VARCHAR(64) NOT NULL
);

-- a reading or an erasure of the incident's place has no child: it is recorded without one
ALTER TABLE cspr_identity_view ALTER COLUMN child_reference DROP NOT NULL;
ALTER TABLE cspr_identity_erasure ALTER COLUMN child_reference DROP NOT NULL;
