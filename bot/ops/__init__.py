"""Starting and stopping the bot: make run, the action server entry, the cluster, the purge."""
