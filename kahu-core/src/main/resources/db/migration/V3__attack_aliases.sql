-- Other names ATT&CK gives an object (x_mitre_aliases of software, aliases of groups), one per line,
-- so that evidence naming "PowerShell Empire" finds Empire (S0363).
ALTER TABLE attack_entry ADD COLUMN aliases TEXT;
