"""The main window shell: the window with its tabs and menus, batch modes, and the export and compare dialogs."""
