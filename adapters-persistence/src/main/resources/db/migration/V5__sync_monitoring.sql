-- kofu schema, version 5: monitoring of the sync streams (連携監視): when the relay (連携用サーバ) last
-- reported itself alive (ハートビート) and when a batch was last applied, next to last_received_at (V4).
--
-- Portable SQL for H2 2.3 and PostgreSQL 15.

ALTER TABLE sync_streams ADD COLUMN last_heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sync_streams ADD COLUMN last_applied_at TIMESTAMP WITH TIME ZONE;
