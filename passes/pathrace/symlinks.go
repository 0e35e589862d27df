package pathrace

import ()

// symlinkMessages are SymlinkCheckThenOpen's messages after a helper that
// refuses symbolic links in the path itself, or in its components: for
// those, O_NOFOLLOW on the final open protects only the last one.
const (
	symlinkHelperMessage     = "%s %s by name after %s checked it for symbolic links; one can be planted there in between (open it with O_NOFOLLOW and check f.Stat(), or use os.Root)"
	symlinkComponentsMessage = "%s %s by name after %s checked its components for symbolic links; one can be replaced by a symbolic link in between (open it through os.Root, or component by component with O_NOFOLLOW and f.Stat())"
)
