-- Incidents are grouped organisation by organisation from the stored detections, streamed in this
-- order, so that the whole detection table need not be held in memory (250,000 servers: millions).
CREATE INDEX detection_organisation_host ON detection (organisation_id, host, id);
