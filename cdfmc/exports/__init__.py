"""Reports that are both a screen table and a file (pretix's exporter shape).

A report class (subclass of `Report`) declares an identifier, a Thai title, a filter
form, and builds `Table`s of rows (header first). The same tables feed the screen
(`templates/exports/table.html`) and the xlsx file (`xlsx.write_xlsx`), so the two never
disagree. `registry.REPORTS` lists every report; `export_report <id>` and the
download view look reports up there.
"""
