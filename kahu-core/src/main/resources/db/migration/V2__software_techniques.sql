-- The techniques each ATT&CK software item implements (space-separated IDs), so that attribution
-- does not count a malware family and the techniques it implements as independent evidence.
ALTER TABLE attack_entry ADD COLUMN techniques TEXT;
