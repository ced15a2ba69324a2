<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="th_TH">
<context>
    <name>AttributeTableDock</name>
    <message>
        <location filename="../attribute_table.py" line="81"/>
        <source>ปีงบประมาณ</source>
        <extracomment>Role giving the raw value of a cell (codes, numbers), used for sorting, filtering and editing. Role giving a row&apos;s workspace fid. The project columns the table shows, in order (virtual columns tambon_name/amphoe_name come from codes). Columns searched by the free-text filter. Columns drawn right-aligned with thousands separators. Coded columns and their Thai labels. Filters the proxy understands: key -&gt; column whose value must equal the filter value. Filter key -&gt; tool tip of its combo box (Thai source text; translated when shown).</extracomment>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="82"/>
        <source>ช่องทาง</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="83"/>
        <source>ประเด็น</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="84"/>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="85"/>
        <source>อำเภอ</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="89"/>
        <source>ทุกปีงบประมาณ</source>
        <extracomment>Filter key -&gt; the combo box&apos;s &quot;any value&quot; item (Thai source text; translated when shown).</extracomment>
        <translation>All fiscal years</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="90"/>
        <source>ทุกช่องทาง</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="91"/>
        <source>ทุกประเด็น</source>
        <translation>All agendas</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="92"/>
        <source>ทุกสถานะ</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="93"/>
        <source>ทุกอำเภอ</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="432"/>
        <source>ตารางข้อมูล</source>
        <extracomment>The columns a user may edit in the table (the others are derived or bookkeeping). editor(layer_name, fid, column, value) -&gt; True when the change was saved. row -&gt; position in layer.data position -&gt; row (the inverse of order) filter key (FILTER_COLUMNS) -&gt; value, and the folded free text</extracomment>
        <translation>Attribute table</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="446"/>
        <location filename="../attribute_table.py" line="791"/>
        <source>ซูมไปที่รายการที่เลือก</source>
        <translation>Zoom to selection</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="447"/>
        <source>ส่งออก…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="448"/>
        <source>ส่งออกรายการที่เลือก (หรือทุกรายการที่กรองไว้) เป็น CSV หรือ Excel</source>
        <translation>Export the selected rows (or all filtered rows) to CSV or Excel</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="449"/>
        <source>ชั้นข้อมูล</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="469"/>
        <source>ค้นหาชื่อโครงการ หน่วยงาน ที่ตั้ง</source>
        <translation>Search project title, agency, location</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="473"/>
        <source>ล้างตัวกรอง</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="656"/>
        <source>{shown:,} จาก {total:,} รายการ</source>
        <translation>{shown:,} of {total:,} rows</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="658"/>
        <source> (เลือก {n:,})</source>
        <translation> ({n:,} selected)</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="722"/>
        <source>ยังไม่ได้เลือกรายการ</source>
        <translation>Nothing is selected</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="727"/>
        <source>รายการที่เลือกไม่มีตำแหน่งบนแผนที่</source>
        <translation>The selected rows have no location on the map</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="765"/>
        <source>ส่งออกตาราง</source>
        <translation>Export table</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="773"/>
        <source>ส่งออกไม่ได้</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="775"/>
        <source>บันทึก {name} แล้ว</source>
        <translation>Saved {name}</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="787"/>
        <source>เปิดตารางข้อมูล</source>
        <translation>Open attribute table</translation>
    </message>
</context>
<context>
    <name>BudgetRiskChart</name>
    <message>
        <location filename="../flood_charts.py" line="102"/>
        <source>ดัชนีความเสี่ยง (0–1)</source>
        <translation>Risk index (0–1)</translation>
    </message>
    <message>
        <location filename="../flood_charts.py" line="103"/>
        <source>งบป้องกันน้ำท่วม (ล้านบาท)</source>
        <translation>Flood-protection budget (million baht)</translation>
    </message>
</context>
<context>
    <name>ClassAreaChart</name>
    <message>
        <location filename="../flood_charts.py" line="56"/>
        <source>พื้นที่ (ตร.กม.)</source>
        <extracomment>Fill of each hazard class (1 ต่ำ … 4 สูงมาก), light to dark blue-red like a depth legend. Bars shown at most (the districts with most flooded area); the rest are summed in the table only.</extracomment>
        <translation>Area (km²)</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <location filename="../style_editor.py" line="152"/>
        <source>ไม่มี</source>
        <extracomment>Categorised styles with more distinct values than this are refused (a legend nobody can read).</extracomment>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="159"/>
        <source>เลือกสี</source>
        <translation>Choose colour</translation>
    </message>
</context>
<context>
    <name>DuplicateReview</name>
    <message>
        <location filename="../duplicate_review.py" line="161"/>
        <source>วิเคราะห์</source>
        <extracomment>The record fields compared side by side. Keys → decisions. Location precisions whose point only stands for an area (the map shows the area instead).</extracomment>
        <translation>Analyse</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="163"/>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="168"/>
        <source>กด &quot;วิเคราะห์&quot; เพื่อค้นหาโครงการซ้ำซ้อน</source>
        <translation>Press &quot;Analyse&quot; to look for duplicated projects</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="174"/>
        <source>ส่งออกรายงาน…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="175"/>
        <source>รายงานสำหรับคณะกรรมการ (PDF หรือ XLSX) พร้อมผลการพิจารณาปัจจุบัน</source>
        <translation>Report for the committee (PDF or XLSX) with the current decisions</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="184"/>
        <source>ทุกสถานะ</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="184"/>
        <source>ยังไม่ตรวจ</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="185"/>
        <source>ตรวจแล้ว</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="188"/>
        <source>เรียงตามคะแนน</source>
        <translation>Sort by score</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="189"/>
        <source>เรียงตามงบประมาณที่ซ้ำ</source>
        <translation>Sort by budget at stake</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="200"/>
        <source>กลุ่ม</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="200"/>
        <source>คะแนน</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="200"/>
        <source>โครงการ</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="200"/>
        <source>ช่องทาง</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="200"/>
        <source>ปีงบประมาณ</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="201"/>
        <source>งบประมาณที่ซ้ำ (บาท)</source>
        <translation>Budget at stake (baht)</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="201"/>
        <source>สถานะการตรวจ</source>
        <translation>Review status</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="229"/>
        <source>ไม่ระบุรายการที่เก็บ</source>
        <translation>No record kept</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="230"/>
        <source>เก็บ A</source>
        <translation>Keep A</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="231"/>
        <source>เก็บ B</source>
        <translation>Keep B</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="233"/>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="236"/>
        <source>ย้อนการตัดสิน</source>
        <translation>Undo decision</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="237"/>
        <source>ถอนผลการพิจารณาล่าสุด (Ctrl+Z)</source>
        <translation>Withdraw the latest decision (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="281"/>
        <location filename="../duplicate_review.py" line="284"/>
        <source>กำลังวิเคราะห์…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="284"/>
        <source>ตรวจโครงการซ้ำซ้อน</source>
        <translation>Review duplicated projects</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="295"/>
        <source>กำลังยกเลิก…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="310"/>
        <source>ยกเลิกการวิเคราะห์แล้ว</source>
        <translation>Analysis cancelled</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="312"/>
        <location filename="../duplicate_review.py" line="314"/>
        <source>วิเคราะห์ไม่ได้: {error}</source>
        <translation>Cannot analyse: {error}</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="327"/>
        <source>(ซ่อน {n} คู่ที่ตัดสินแล้วว่าไม่ซ้ำ)</source>
        <translation>({n} pairs decided &quot;not duplicate&quot; are hidden)</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="360"/>
        <source>เขียนรายงาน {name} แล้ว</source>
        <translation>Wrote report {name}</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="364"/>
        <source>เขียนรายงานไม่ได้: {error}</source>
        <translation>Cannot write the report: {error}</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="367"/>
        <source>ส่งออกรายงาน</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="367"/>
        <source>กำลังเขียนรายงาน…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="373"/>
        <source>ส่งออกรายงานโครงการซ้ำซ้อน</source>
        <translation>Export duplicate-projects report</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="373"/>
        <source>รายงานโครงการซ้ำซ้อน.pdf</source>
        <translation>duplicate-projects-report.pdf</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="374"/>
        <source>PDF (*.pdf);;Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="414"/>
        <source>ทุกอำเภอ</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="415"/>
        <source>ทุกช่องทาง</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="416"/>
        <source>ทุกปี</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="508"/>
        <source>ตรวจแล้ว {n} จาก {m} กลุ่ม</source>
        <translation>Reviewed {n} of {m} groups</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="511"/>
        <source>(และ {k} คู่ที่ตัดสินแล้วว่าไม่ซ้ำ ไม่แสดงอีก)</source>
        <translation>(and {k} pairs already judged not duplicates, no longer shown)</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="578"/>
        <source>เลือกกลุ่มเพื่อดูคู่โครงการ</source>
        <translation>Choose a group to see its pairs</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="596"/>
        <source>กลุ่ม {g} คู่ที่ {i} จาก {n} · คะแนน {s:.2f} · {d}</source>
        <translation>Group {g}, pair {i} of {n} · score {s:.2f} · {d}</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="617"/>
        <source>ตัดสิน &quot;{d}&quot; {a} กับ {b}</source>
        <translation>Decided &quot;{d}&quot;: {a} and {b}</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="622"/>
        <source>บันทึกผลการพิจารณาไม่ได้: {error}</source>
        <translation>Cannot record the decision: {error}</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="626"/>
        <source>บันทึก &quot;{d}&quot; สำหรับ {a} กับ {b} แล้ว</source>
        <translation>Recorded &quot;{d}&quot; for {a} and {b}</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="699"/>
        <source>ถอนผลการพิจารณาแล้ว</source>
        <translation>Decision withdrawn</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="750"/>
        <source>โครงการซ้ำซ้อน</source>
        <translation>Duplicated projects</translation>
    </message>
    <message>
        <location filename="../duplicate_review.py" line="755"/>
        <source>ตรวจโครงการซ้ำซ้อน…</source>
        <translation>Review duplicated projects…</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <location filename="../editing.py" line="53"/>
        <source>รหัสโครงการ</source>
        <extracomment>The source of projects added in the app; project_id is unique within it. Pixels around a project point that a press on the map still picks it up. Thai names of the editable columns (the Thai half of bilingual messages; translated in UI texts).</extracomment>
        <translation>Project ID</translation>
    </message>
    <message>
        <location filename="../editing.py" line="54"/>
        <source>ชื่อโครงการ</source>
        <translation>Project title</translation>
    </message>
    <message>
        <location filename="../editing.py" line="55"/>
        <source>ช่องทาง</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../editing.py" line="56"/>
        <source>ประเด็น</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../editing.py" line="57"/>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../editing.py" line="58"/>
        <source>ปีงบประมาณ</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../editing.py" line="59"/>
        <source>งบประมาณ</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../editing.py" line="60"/>
        <source>หมู่ที่</source>
        <translation>Village no. (muban)</translation>
    </message>
    <message>
        <location filename="../editing.py" line="61"/>
        <source>แผน</source>
        <translation>Plan IDs</translation>
    </message>
    <message>
        <location filename="../editing.py" line="62"/>
        <source>หน่วยงาน</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../editing.py" line="63"/>
        <source>ที่ตั้ง</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../editing.py" line="216"/>
        <source>แก้ไขไม่ได้</source>
        <extracomment>(layer name, fid) after a feature was changed, added or deleted by a command or its undo. The bilingual message of an edit that was refused or failed (nothing was saved).</extracomment>
        <translation>Cannot edit</translation>
    </message>
    <message>
        <location filename="../editing.py" line="230"/>
        <source>เลิกทำ/ทำซ้ำไม่สำเร็จ</source>
        <translation>Undo/redo failed</translation>
    </message>
    <message>
        <location filename="../editing.py" line="331"/>
        <source>แก้ไข {column} ของ fid {fid}</source>
        <translation>Edit {column} of fid {fid}</translation>
    </message>
    <message>
        <location filename="../editing.py" line="388"/>
        <source>ย้ายตำแหน่ง fid {fid}</source>
        <translation>Move fid {fid}</translation>
    </message>
    <message>
        <location filename="../editing.py" line="391"/>
        <source>ตำแหน่งใหม่อยู่นอกตำบลในพื้นที่ทำงาน</source>
        <translation>The new position is outside the tambons of the workspace</translation>
    </message>
    <message>
        <location filename="../editing.py" line="408"/>
        <location filename="../editing.py" line="411"/>
        <source>เพิ่มโครงการไม่ได้</source>
        <translation>Cannot add the project</translation>
    </message>
    <message>
        <location filename="../editing.py" line="413"/>
        <source>เพิ่มโครงการ {id}</source>
        <translation>Add project {id}</translation>
    </message>
    <message>
        <location filename="../editing.py" line="435"/>
        <source>ลบไม่ได้</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location filename="../editing.py" line="437"/>
        <source>ลบ {n} รายการ</source>
        <translation>Delete {n} rows</translation>
    </message>
    <message>
        <location filename="../editing.py" line="648"/>
        <source>เลิกทำ</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../editing.py" line="650"/>
        <source>ทำซ้ำ</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../editing.py" line="663"/>
        <source>แก้ไขตำแหน่ง</source>
        <translation>Move points</translation>
    </message>
    <message>
        <location filename="../editing.py" line="664"/>
        <source>ลากจุดโครงการบนแผนที่เพื่อย้ายตำแหน่ง</source>
        <translation>Drag a project point on the map to move it</translation>
    </message>
    <message>
        <location filename="../editing.py" line="665"/>
        <source>เพิ่มโครงการ</source>
        <translation>Add project</translation>
    </message>
    <message>
        <location filename="../editing.py" line="666"/>
        <source>คลิกบนแผนที่เพื่อเพิ่มโครงการ ณ ตำแหน่งนั้น</source>
        <translation>Click on the map to add a project there</translation>
    </message>
    <message>
        <location filename="../editing.py" line="689"/>
        <source>ลบโครงการที่เลือก</source>
        <translation>Delete selected projects</translation>
    </message>
</context>
<context>
    <name>FloodReview</name>
    <message>
        <location filename="../flood_review.py" line="202"/>
        <source>อ่านพื้นที่ทำงาน</source>
        <translation>Reading the workspace</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="214"/>
        <source>วิเคราะห์ช่องว่างการลงทุน</source>
        <translation>Analysing investment gaps</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="95"/>
        <source>เปลี่ยนเกณฑ์ระดับความเสี่ยงของ {name}</source>
        <extracomment>Name of the temporary map layer. Upper bounds of the high-risk-share classes on the map (0 = none is drawn with NONE_FILL).</extracomment>
        <translation>Change the class thresholds of {name}</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="219"/>
        <source>เก็บผลในพื้นที่ทำงาน</source>
        <translation>Store results in the workspace</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="300"/>
        <source>ความเสี่ยงน้ำท่วมราย{level}</source>
        <translation>Flood risk by {level}</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="337"/>
        <source>ชั้นข้อมูลภัยในพื้นที่ทำงาน (เพิ่มด้วย areaplan hazard add)</source>
        <translation>Hazard layers in the workspace (add with areaplan hazard add)</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="341"/>
        <source>วิเคราะห์</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="343"/>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="346"/>
        <source>ส่งออก XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="347"/>
        <source>ตารางพื้นที่ โครงการเสี่ยง ช่องว่าง บันทึกคณะกรรมการ และที่มา</source>
        <translation>Areas, at-risk projects, gaps, committee notes and sources</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="350"/>
        <source>เกณฑ์ระดับความเสี่ยง (Class thresholds)…</source>
        <translation>Class thresholds…</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="352"/>
        <source>แก้ไขเกณฑ์แบ่งระดับความเสี่ยงของชั้นข้อมูลภัยที่เลือก บันทึกในพื้นที่ทำงาน</source>
        <translation>Edit the class thresholds of the chosen hazard layer, saved in the workspace</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="354"/>
        <source>เพิ่มชั้นข้อมูลภัย…</source>
        <translation>Add hazard layer…</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="355"/>
        <source>เพิ่มหรือแทนที่ GeoTIFF ความลึก/ความถี่/ระดับ หรือไฟล์พื้นที่เสี่ยง</source>
        <translation>Add or replace a depth/frequency/class GeoTIFF or a hazard-zone file</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="361"/>
        <source>วิเคราะห์ใหม่</source>
        <translation>Run again</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="370"/>
        <source>ภัย</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="385"/>
        <source>เลือกชั้นข้อมูลภัยและระดับพื้นที่ แล้วกด &quot;วิเคราะห์&quot;</source>
        <translation>Choose a hazard layer and an area level, then press &quot;Analyse&quot;</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="393"/>
        <source>แผนที่: สัดส่วนพื้นที่เสี่ยงสูง</source>
        <translation>Map: share of high-risk area</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="394"/>
        <source>แผนที่: ความเสี่ยง × การลงทุน (bivariate)</source>
        <translation>Map: risk × investment (bivariate)</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="395"/>
        <source>ไม่แสดงบนแผนที่</source>
        <translation>Not on the map</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="398"/>
        <source>ทุกพื้นที่</source>
        <translation>All areas</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="398"/>
        <source>เสี่ยงสูง ลงทุนน้อย/ไม่มี</source>
        <translation>High risk, little/no investment</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="399"/>
        <source>ลงทุนในพื้นที่เสี่ยงต่ำ</source>
        <translation>Investment in low-risk areas</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="400"/>
        <source>มีงานก่อสร้างในที่เสี่ยงสูง</source>
        <translation>Construction in high-risk zones</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="421"/>
        <location filename="../flood_review.py" line="1111"/>
        <source>เลือกพื้นที่ในตารางหรือกราฟ</source>
        <translation>Select an area in the table or chart</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="431"/>
        <source>บันทึกของคณะกรรมการสำหรับพื้นที่นี้</source>
        <translation>Committee note for this area</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="434"/>
        <source>ไม่ระบุสถานะ</source>
        <translation>No status</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="434"/>
        <source>ติดตาม</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="435"/>
        <source>เสนอโครงการ</source>
        <translation>Propose a project</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="435"/>
        <source>ดำเนินการแล้ว</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="437"/>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="457"/>
        <source>พื้นที่ที่เลือก</source>
        <translation>Selected area</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="463"/>
        <source>ก่อสร้างในที่เสี่ยงสูง</source>
        <translation>Construction in high-risk zones</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="468"/>
        <source>พื้นที่ตามระดับ</source>
        <translation>Areas by class</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="469"/>
        <source>งบ × ความเสี่ยง</source>
        <translation>Budget × risk</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="473"/>
        <source>ที่มา</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="518"/>
        <source>ความลึก</source>
        <translation>Depth</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="518"/>
        <source>ความถี่</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="518"/>
        <source>ระดับ</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="520"/>
        <source>แรสเตอร์</source>
        <translation>Raster</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="520"/>
        <source>พื้นที่</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="532"/>
        <source>ยังไม่มีชั้นข้อมูลภัยในพื้นที่ทำงาน เพิ่มด้วย areaplan hazard add (no hazard in the workspace yet)</source>
        <translation>No hazard in the workspace yet; add one with areaplan hazard add</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="570"/>
        <location filename="../flood_review.py" line="574"/>
        <source>กำลังวิเคราะห์…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="574"/>
        <source>ทบทวนพื้นที่เสี่ยงน้ำท่วม</source>
        <translation>Review flood-risk areas</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="589"/>
        <source>กำลังยกเลิก…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="608"/>
        <source>ยกเลิกการวิเคราะห์แล้ว ยังแสดงผลเดิม (cancelled; the previous result is still shown)</source>
        <translation>Cancelled; the previous result is still shown</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="611"/>
        <source>ยกเลิกการวิเคราะห์แล้ว (cancelled)</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="613"/>
        <source>วิเคราะห์ไม่ได้: {error}</source>
        <translation>Cannot analyse: {error}</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="632"/>
        <source>เก็บผลในพื้นที่ทำงานไม่ได้: {error}</source>
        <translation>Could not store the results in the workspace: {error}</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="633"/>
        <source>เก็บผลไว้ในพื้นที่ทำงานแล้ว เปิดหน้าจอนี้ครั้งหน้าจะเห็นผลนี้ (stored in the workspace)</source>
        <translation>Stored in the workspace; this screen shows these results next time</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="651"/>
        <source>ผลเมื่อ {th} (results of {en})</source>
        <translation>Results of {en}</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="678"/>
        <source>ยังไม่มีผลของภัยและระดับนี้ กด &quot;วิเคราะห์&quot; (no stored result for this hazard and level)</source>
        <translation>No stored result for this hazard and level; press &quot;Run&quot;</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="701"/>
        <source>อ่านผลที่เก็บไว้ไม่ได้: {error}</source>
        <translation>Could not read the stored results: {error}</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="708"/>
        <source>กำลังอ่านผลล่าสุดที่เก็บไว้… (reading the stored result)</source>
        <translation>Reading the stored result…</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="709"/>
        <source>ผลล่าสุด</source>
        <translation>Latest results</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="737"/>
        <source>⚠ ผลนี้ไม่เป็นปัจจุบัน: {reasons} กด &quot;วิเคราะห์ใหม่&quot; (out of date; run again)</source>
        <translation>⚠ These results are out of date: {reasons}. Press &quot;Run again&quot;</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="779"/>
        <source>บันทึกเกณฑ์ไม่ได้: {error}</source>
        <translation>Could not save the thresholds: {error}</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="793"/>
        <source>เกณฑ์ไม่เปลี่ยน (the thresholds are unchanged)</source>
        <translation>The thresholds are unchanged</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="810"/>
        <source>ค่าเริ่มต้น (the defaults)</source>
        <translation>the defaults</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="811"/>
        <source>เกณฑ์ระดับความเสี่ยงของ {name}: {lines}</source>
        <translation>Class thresholds of {name}: {lines}</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="822"/>
        <location filename="../flood_review.py" line="879"/>
        <source>เพิ่มชั้นข้อมูลภัย</source>
        <translation>Add hazard layer</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="823"/>
        <source>GeoTIFF หรือพื้นที่เสี่ยง (*.tif *.tiff *.gpkg *.shp *.geojson *.zip);;ทุกไฟล์ (*)</source>
        <translation>GeoTIFF or hazard zones (*.tif *.tiff *.gpkg *.shp *.geojson *.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="829"/>
        <source>ค่าในภาพ</source>
        <translation>Raster values</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="829"/>
        <source>ภาพแรสเตอร์เก็บค่าอะไร (depth m, frequency count, class 1..4)</source>
        <translation>What the raster holds (depth m, frequency count, class 1..4)</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="833"/>
        <source>ชื่อชั้นข้อมูลภัย</source>
        <translation>Hazard layer name</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="833"/>
        <source>ชื่อ (hazard name)</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="850"/>
        <source>ไม่ได้แทนที่ชั้นข้อมูลภัย {name} (not replaced)</source>
        <translation>Hazard layer {name} not replaced</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="856"/>
        <source>กำลังเพิ่มชั้นข้อมูลภัย {name}…</source>
        <translation>Adding hazard layer {name}…</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="873"/>
        <source>เพิ่มชั้นข้อมูลภัยไม่ได้: {error}</source>
        <translation>Could not add the hazard layer: {error}</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="949"/>
        <source>บันทึกเมื่อ {when} โดย {who}</source>
        <translation>Saved {when} by {who}</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="966"/>
        <source>บันทึกไม่ได้: {error}</source>
        <translation>Cannot save: {error}</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1005"/>
        <source>เสี่ยงสูง</source>
        <translation>High risk</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1006"/>
        <source>ไม่ได้ตรวจ (ไม่มีพิกัด)</source>
        <translation>Not checked (no coordinates)</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1021"/>
        <source>ก่อสร้างในที่เสี่ยงสูง ({n})</source>
        <translation>Construction in high-risk zones ({n})</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1031"/>
        <source>ช่องว่าง: เสี่ยงสูงแต่ลงทุนน้อยหรือไม่มี {hi} แห่ง · ลงทุนในพื้นที่เสี่ยงต่ำ {lo} แห่ง</source>
        <translation>Gaps: {hi} high-risk areas with little or no investment · {lo} low-risk areas with investment</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1050"/>
        <source>ความเสี่ยง × งบป้องกันน้ำท่วม</source>
        <translation>Risk × flood-protection budget</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1054"/>
        <source>ไม่มีพื้นที่เสี่ยงสูง</source>
        <translation>No high-risk areas</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1056"/>
        <source>สัดส่วนพื้นที่เสี่ยงสูง + สูงมาก</source>
        <translation>Share of high + very high risk area</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1121"/>
        <source>{name} ({code}): {km2:,.2f} ตร.กม. · ท่วม {flooded:.1f} % · เสี่ยงสูง/สูงมาก {high:.1f} % ({high_km2:,.2f} ตร.กม.) · ดัชนีความเสี่ยง {risk:.2f} · งบป้องกันน้ำท่วม {budget:,.0f} บาท</source>
        <translation>{name} ({code}): {km2:,.2f} km² · flooded {flooded:.1f} % · high/very high risk {high:.1f} % ({high_km2:,.2f} km²) · risk index {risk:.2f} · flood-protection budget {budget:,.0f} baht</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1153"/>
        <source>แผนที่ครอบคลุมพื้นที่นี้ {n} แผน</source>
        <translation>{n} plans cover this area</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1202"/>
        <source>ส่งออกแล้ว: {path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1206"/>
        <source>ส่งออกไม่ได้: {error}</source>
        <translation>Cannot export: {error}</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1208"/>
        <source>ส่งออก XLSX</source>
        <translation>Export XLSX</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1208"/>
        <source>กำลังเขียนไฟล์…</source>
        <translation>Writing the file…</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1216"/>
        <source>ส่งออกผลความเสี่ยงน้ำท่วม</source>
        <translation>Export flood-risk results</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1253"/>
        <source>ความเสี่ยงน้ำท่วม</source>
        <translation>Flood risk</translation>
    </message>
    <message>
        <location filename="../flood_review.py" line="1258"/>
        <source>ทบทวนพื้นที่เสี่ยงน้ำท่วม…</source>
        <translation>Review flood-risk areas…</translation>
    </message>
</context>
<context>
    <name>FloodThresholds</name>
    <message>
        <location filename="../flood_thresholds.py" line="222"/>
        <source>เกณฑ์ระดับความเสี่ยง (Class thresholds)…</source>
        <translation>Class thresholds…</translation>
    </message>
</context>
<context>
    <name>IndicatorView</name>
    <message>
        <location filename="../indicator_view.py" line="113"/>
        <source>ตำบล</source>
        <extracomment>Name of the temporary indicator layer. Map measure -&gt; (value column, ramp, zero counts as no data).</extracomment>
        <translation>Subdistrict (tambon)</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="113"/>
        <source>อำเภอ</source>
        <translation>District (amphoe)</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="113"/>
        <source>จังหวัด</source>
        <translation>Province (changwat)</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="121"/>
        <source>แสดงบนแผนที่</source>
        <translation>Show on map</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="123"/>
        <source>สลับกับพื้นที่ของแผน</source>
        <translation>Swap with plan areas</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="125"/>
        <source>แสดงชั้นตัวชี้วัดหรือชั้นพื้นที่ของแผนทีละชั้น เพื่อเทียบความจำเป็นกับแผน</source>
        <translation>Show the indicator layer or the plan-area layer one at a time, to compare need with plans</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="127"/>
        <source>นำเข้าตัวชี้วัด…</source>
        <translation>Import indicators…</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="129"/>
        <source>ล้าง</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="132"/>
        <source>ตัวชี้วัด</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="134"/>
        <source>ปี</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="138"/>
        <source>แสดง</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="153"/>
        <location filename="../indicator_view.py" line="254"/>
        <location filename="../indicator_view.py" line="285"/>
        <source>งบประมาณ (บาท)</source>
        <translation>Budget (baht)</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="198"/>
        <source>ยังไม่มีตัวชี้วัดในพื้นที่ทำงาน นำเข้าไฟล์ CSV/XLSX รายพื้นที่ (รหัส DOPA หรือ PCODE) ด้วยปุ่ม &quot;นำเข้าตัวชี้วัด…&quot;</source>
        <translation>No indicators in the workspace yet. Import a per-area CSV/XLSX file (DOPA code or PCODE) with the &quot;Import indicators…&quot; button</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="201"/>
        <source>ตัวชี้วัด {n} รายการ</source>
        <translation>{n} indicators</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="207"/>
        <source>ปีล่าสุด</source>
        <translation>Latest year</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="249"/>
        <source>ตัวชี้วัด: {name}</source>
        <translation>Indicator: {name}</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="256"/>
        <source>กำลังคำนวณ {name}…</source>
        <translation>Calculating {name}…</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="260"/>
        <location filename="../indicator_view.py" line="359"/>
        <source>ตัวชี้วัดความจำเป็น</source>
        <translation>Need indicators</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="270"/>
        <source>แสดงตัวชี้วัดไม่ได้: {error}</source>
        <translation>Cannot show the indicator: {error}</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="284"/>
        <source>{name} ({unit})</source>
        <translation>{name} ({unit})</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="286"/>
        <source>งบประมาณต่อหน่วย (บาท ต่อ {unit})</source>
        <translation>Budget per unit (baht per {unit})</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="291"/>
        <source>ไม่มีข้อมูล</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="291"/>
        <source>ไม่มีโครงการ</source>
        <translation>No projects</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="252"/>
        <source>รหัส</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="252"/>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="253"/>
        <source>ค่าตัวชี้วัด</source>
        <translation>Indicator value</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="253"/>
        <source>โครงการ</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="254"/>
        <source>แผน</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="255"/>
        <source>งบประมาณต่อหน่วย</source>
        <translation>Budget per unit</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="303"/>
        <source>{name}: มีข้อมูล {n} จาก {m} พื้นที่ · มีความจำเป็นแต่ไม่มีงบประมาณ {k} พื้นที่</source>
        <translation>{name}: data for {n} of {m} areas · {k} areas in need with no budget</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="316"/>
        <source>ต้องมีทั้งชั้นตัวชี้วัดและชั้นพื้นที่ของแผน (เลือกแผนในแผงแผนในพื้นที่)</source>
        <translation>Needs both an indicator layer and a plan-area layer (choose a plan in the Plans in area panel)</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="348"/>
        <source>นำเข้าตัวชี้วัดรายพื้นที่</source>
        <translation>Import per-area indicators</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="349"/>
        <source>ตาราง CSV หรือ Excel (*.csv *.txt *.xlsx *.xlsm)</source>
        <translation>CSV or Excel table (*.csv *.txt *.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location filename="../indicator_view.py" line="360"/>
        <source>ตัวชี้วัดความจำเป็น…</source>
        <translation>Need indicators…</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../worker.py" line="168"/>
        <source>ยกเลิก</source>
        <extracomment>job(progress=..., cancelled=...) -&gt; result</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../worker.py" line="187"/>
        <source>กำลังยกเลิก… (รอให้ขั้นตอนปัจจุบันจบ)</source>
        <translation>Cancelling… (waiting for the current step to finish)</translation>
    </message>
    <message>
        <location filename="../worker.py" line="188"/>
        <source>กำลังยกเลิก…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../layer_panel.py" line="319"/>
        <source>ความทึบของชั้นข้อมูลที่เลือก (Opacity)</source>
        <translation>Opacity of the selected layer</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="320"/>
        <source>ความทึบ</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="411"/>
        <source>ชั้นข้อมูลนี้ไม่มีตำแหน่งให้ขยายไป</source>
        <extracomment>Problems met while restoring saved styles (shown in the status bar; the default look is kept).</extracomment>
        <translation>This layer has no location to zoom to</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="57"/>
        <location filename="../layer_panel.py" line="425"/>
        <location filename="../layer_panel.py" line="470"/>
        <source>ลบชั้นข้อมูล</source>
        <translation>Remove layer</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="426"/>
        <source>เอาชั้นข้อมูล “{title}” ออกจากแผนที่? (ข้อมูลในพื้นที่ทำงานไม่ถูกลบ)</source>
        <translation>Remove the layer “{title}” from the map? (The data in the workspace is not deleted.)</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="55"/>
        <location filename="../layer_panel.py" line="457"/>
        <source>รูปแบบ…</source>
        <extracomment>The layer panel&apos;s Layer-menu actions: key -&gt; Thai text (translated when the action is made).</extracomment>
        <translation>Style…</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="48"/>
        <source>ขอบเขตการปกครอง</source>
        <extracomment>Milliseconds a change waits before it is written to the workspace (a slider drag writes once). Smallest extent (metres) zoom-to-layer shows, so one point does not zoom in without limit. The group names (layers.model.GROUPS) as literals lupdate can see; translated when the tree is built.</extracomment>
        <translation>Administrative boundaries</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="49"/>
        <source>โครงการ</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="50"/>
        <source>พื้นที่เสี่ยงภัย</source>
        <translation>Hazard areas</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="51"/>
        <source>แผน</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="56"/>
        <location filename="../layer_panel.py" line="460"/>
        <source>ขยายไปที่ชั้นข้อมูล</source>
        <translation>Zoom to layer</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="185"/>
        <source> {n} รายการ</source>
        <translation> {n} features</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="463"/>
        <source>เลื่อนขึ้น</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="466"/>
        <source>เลื่อนลง</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="578"/>
        <source>บันทึกรูปแบบไม่ได้: {e}</source>
        <translation>Could not save the style: {e}</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="613"/>
        <source>ใช้รูปแบบที่บันทึกไว้ไม่ได้บางชั้น: {e}</source>
        <translation>Could not apply the saved style of some layers: {e}</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="682"/>
        <source>เลือกชั้นข้อมูลในแผงชั้นข้อมูลก่อน</source>
        <translation>Select a layer in the layer panel first</translation>
    </message>
</context>
<context>
    <name>LayerTree</name>
    <message>
        <location filename="../main_window.py" line="127"/>
        <source>{title} ({name}) {count:,} รายการ</source>
        <translation>{title} ({name}) {count:,} features</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app.py" line="81"/>
        <location filename="../main_window.py" line="337"/>
        <source>เปิดพื้นที่ทำงานไม่ได้</source>
        <translation>Cannot open the workspace</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="53"/>
        <source>การแก้ไขในรอบนี้</source>
        <extracomment>The demo workspace beside the source tree (sample_data/ is not part of the wheel). How many workspaces File → ไฟล์ล่าสุด lists. The answers of the session-edits prompt.</extracomment>
        <translation>Edits in this session</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="54"/>
        <source>มีการแก้ไข {n} รายการในรอบการทำงานนี้</source>
        <translation>{n} edits were made in this session</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="56"/>
        <source>AreaPlan บันทึกการแก้ไขแต่ละครั้งลงพื้นที่ทำงานทันที การแก้ไขจึงถูกบันทึกไว้แล้ว ต้องการเก็บการแก้ไขไว้ หรือย้อนการแก้ไขทั้งหมดของรอบนี้?</source>
        <translation>AreaPlan saves every edit to the workspace as soon as it is made, so these edits are already saved. Keep them, or undo all of this session&apos;s edits?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="62"/>
        <source>เก็บการแก้ไขไว้</source>
        <translation>Keep the edits</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="63"/>
        <source>ย้อนการแก้ไขของรอบนี้</source>
        <translation>Undo this session&apos;s edits</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="64"/>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194"/>
        <location filename="../main_window.py" line="270"/>
        <source>ชั้นข้อมูล</source>
        <extracomment>emitted before the workspace is saved or copied: features write what they still hold in memory emitted after &quot;save as&quot; opened the copy (its path) True while a background job owns the workspace (menus and toolbars are disabled). save geometry/state on close (ui.app.main turns it on; test windows leave the user&apos;s settings alone)</extracomment>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="207"/>
        <location filename="../main_window.py" line="271"/>
        <source>เครื่องมือ</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="224"/>
        <source>ไฟล์</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225"/>
        <source>เปิดพื้นที่ทำงาน…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="226"/>
        <source>เปิดข้อมูลสาธิต</source>
        <translation>Open demo data</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="227"/>
        <source>ไฟล์ล่าสุด</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="229"/>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="230"/>
        <source>AreaPlan บันทึกการแก้ไขทันที คำสั่งนี้ยืนยันว่าทุกอย่างบันทึกแล้ว</source>
        <translation>AreaPlan saves edits immediately; this confirms that everything is saved</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="231"/>
        <source>บันทึกเป็น…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="233"/>
        <source>ปิดพื้นที่ทำงาน</source>
        <translation>Close workspace</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="235"/>
        <source>ออกจากโปรแกรม</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="248"/>
        <source>แก้ไข</source>
        <extracomment>installers insert import/export actions before this separator (ui.workbench does)</extracomment>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="249"/>
        <source>มุมมอง</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="250"/>
        <source>ขยายเต็มพื้นที่</source>
        <translation>Full extent</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="256"/>
        <location filename="../main_window.py" line="514"/>
        <source>ภาษา / Language</source>
        <translation>Language / ภาษา</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="272"/>
        <source>วิธีใช้</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="273"/>
        <location filename="../main_window.py" line="553"/>
        <source>เกี่ยวกับ AreaPlan</source>
        <translation>About AreaPlan</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="340"/>
        <source>เปิด {name} แล้ว</source>
        <translation>Opened {name}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="345"/>
        <source>เปิดพื้นที่ทำงาน</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="345"/>
        <location filename="../main_window.py" line="441"/>
        <source>พื้นที่ทำงาน GeoPackage (*.gpkg)</source>
        <translation>GeoPackage workspace (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="357"/>
        <source>เปิดข้อมูลสาธิตไม่ได้</source>
        <translation>Cannot open the demo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="402"/>
        <source>(ยังไม่มี)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="406"/>
        <source>ล้างรายการ</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="415"/>
        <source>บันทึกแล้ว (AreaPlan บันทึกการแก้ไขทุกครั้งทันที)</source>
        <translation>Saved (AreaPlan saves every edit immediately)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="441"/>
        <source>บันทึกพื้นที่ทำงานเป็น</source>
        <translation>Save workspace as</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="450"/>
        <source>บันทึกไม่ได้</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="452"/>
        <source>บันทึกเป็น {name} แล้ว</source>
        <translation>Saved as {name}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="515"/>
        <source>จะใช้ภาษาที่เลือกเมื่อเปิด AreaPlan ครั้งถัดไป
(The new language applies when AreaPlan starts again.)</source>
        <translation>The new language applies when AreaPlan starts again.
(จะใช้ภาษาที่เลือกเมื่อเปิด AreaPlan ครั้งถัดไป)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="524"/>
        <source>ละติจูด {lat:.5f}°  ลองจิจูด {lon:.5f}°</source>
        <translation>Lat {lat:.5f}°  Lon {lon:.5f}°</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="527"/>
        <source>มาตราส่วน 1:{n}</source>
        <translation>Scale 1:{n}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="536"/>
        <source>ชื่อและรหัสเขตการปกครอง: กรมการปกครอง (ผ่านแพ็กเกจ geothai)</source>
        <translation>Administrative area names and codes: Department of Provincial Administration (via the geothai package)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="537"/>
        <source>แบบอักษร: Sarabun (SIL Open Font License)</source>
        <translation>Font: Sarabun (SIL Open Font License)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="545"/>
        <source>ระบบแผนที่บูรณาการแผนเชิงพื้นที่</source>
        <translation>Integrated area-based planning map system</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="546"/>
        <source>แหล่งข้อมูล:</source>
        <translation>Data sources:</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../map_canvas.py" line="391"/>
        <source>ย้อนกลับ</source>
        <extracomment>Emitted with (lon, lat) in degrees when the cursor moves over the map. Emitted with (x, y) in the map CRS when the cursor moves over the map. Emitted with the scale denominator N (of 1:N) when the view range changes. Emitted with the name of the new current tool. Emitted when the extent history or its position changed. True from a range change until SETTLE_MS pass without another one.</extracomment>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../map_canvas.py" line="392"/>
        <source>ขอบเขตแผนที่ก่อนหน้า (Alt+←)</source>
        <translation>Previous extent (Alt+←)</translation>
    </message>
    <message>
        <location filename="../map_canvas.py" line="395"/>
        <source>ถัดไป</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../map_canvas.py" line="396"/>
        <source>ขอบเขตแผนที่ถัดไป (Alt+→)</source>
        <translation>Next extent (Alt+→)</translation>
    </message>
</context>
<context>
    <name>MapTools</name>
    <message>
        <location filename="../map_tools.py" line="42"/>
        <source>รหัส</source>
        <extracomment>Square metres in one rai (ไร่). Pick radius of identify and click-select, in screen pixels. At most this many projects are listed under a tambon in the identify panel. Thai names of workspace fields (interchange.md / the workspace schema); translated when shown.</extracomment>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="43"/>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="44"/>
        <source>ชื่อภาษาอังกฤษ</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="45"/>
        <source>รหัสเขตการปกครองที่สังกัด</source>
        <translation>Parent area code</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="46"/>
        <source>หมู่ที่</source>
        <translation>Village no. (muban)</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="47"/>
        <source>รหัสโครงการ</source>
        <translation>Project ID</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="48"/>
        <source>ชื่อโครงการ</source>
        <translation>Project title</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="49"/>
        <source>แหล่งงบประมาณ/ช่องทาง</source>
        <translation>Budget source / channel</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="50"/>
        <source>หน่วยงาน</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="51"/>
        <source>ปีงบประมาณ</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="52"/>
        <source>งบประมาณ (บาท)</source>
        <translation>Budget (baht)</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="53"/>
        <source>ประเด็นการพัฒนา</source>
        <translation>Development agenda</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="54"/>
        <source>แผนที่เกี่ยวข้อง</source>
        <translation>Related plans</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="55"/>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="56"/>
        <source>ตำบล</source>
        <translation>Subdistrict (tambon)</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="57"/>
        <source>อำเภอ</source>
        <translation>District (amphoe)</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="58"/>
        <source>จังหวัด</source>
        <translation>Province (changwat)</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="59"/>
        <source>ที่ตั้ง</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="60"/>
        <source>ลองจิจูด</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="61"/>
        <source>ละติจูด</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="62"/>
        <source>แหล่งข้อมูล</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="63"/>
        <source>รหัสตำบล</source>
        <translation>Tambon code</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="64"/>
        <source>รหัสอำเภอ</source>
        <translation>District code</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="65"/>
        <source>รหัสจังหวัด</source>
        <translation>Province code</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="66"/>
        <source>ความละเอียดของตำแหน่ง</source>
        <translation>Location precision</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="67"/>
        <source>หมายเหตุตำแหน่ง</source>
        <translation>Location note</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="68"/>
        <source>แถวในแฟ้มต้นทาง</source>
        <translation>Source file row</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="69"/>
        <source>ประเภทภัย</source>
        <translation>Hazard type</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="70"/>
        <source>ระดับ</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="71"/>
        <source>ระดับความเสี่ยง</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="72"/>
        <source>ความถี่ (ครั้ง/ปี)</source>
        <translation>Frequency (times/year)</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="73"/>
        <source>ความลึก (ม.)</source>
        <translation>Depth (m)</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="133"/>
        <source>{value} ม.</source>
        <extracomment>Fields not shown in the identify panel (internal bookkeeping). Code fields whose values are shown with their Thai label. Fields that hold a feature&apos;s display name, in order of preference. (window, layer_name, row) -&gt; extra (label, value) lines for a feature in the identify panel.</extracomment>
        <translation>{value} m</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="134"/>
        <source>{value} กม.</source>
        <translation>{value} km</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="139"/>
        <source>{m2} ตร.ม. = {km2} ตร.กม. = {rai} ไร่</source>
        <translation>{m2} m² = {km2} km² = {rai} rai</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="205"/>
        <source>โครงการในตำบล</source>
        <translation>Projects in this tambon</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="206"/>
        <source>{n} โครงการ งบประมาณรวม {total} บาท</source>
        <translation>{n} projects, total budget {total} baht</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="215"/>
        <source>{title} ({budget} บาท)</source>
        <translation>{title} ({budget} baht)</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="219"/>
        <source>และอีก {n} โครงการ</source>
        <translation>and {n} more projects</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="253"/>
        <source>ระบุข้อมูล</source>
        <extracomment>Extra identify lines per feature; the plans feature appends &quot;plans touching this area&quot; here.</extracomment>
        <translation>Identify</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="270"/>
        <source>เลือกข้อมูล</source>
        <translation>Select</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="303"/>
        <source>วัดพื้นที่</source>
        <translation>Measure area</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="303"/>
        <source>วัดระยะทาง</source>
        <translation>Measure distance</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="349"/>
        <source>พื้นที่ {area}</source>
        <translation>Area {area}</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="350"/>
        <source>ระยะทาง {distance}</source>
        <translation>Distance {distance}</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="371"/>
        <source>รายการ</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="371"/>
        <source>ค่า</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="373"/>
        <source>ข้อมูลตำแหน่งที่เลือก</source>
        <translation>Identify results</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="426"/>
        <source>ล้างการเลือก</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="498"/>
        <source>ข้อมูลที่เกี่ยวข้อง</source>
        <translation>Related data</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="506"/>
        <source>พบ {n} รายการ</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="508"/>
        <source>ไม่พบข้อมูล ณ ตำแหน่งนี้</source>
        <translation>Nothing found here</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="572"/>
        <source>UTM {zone}  E {e}  N {n}</source>
        <translation>UTM {zone}  E {e}  N {n}</translation>
    </message>
    <message>
        <location filename="../editing.py" line="564"/>
        <source>เพิ่มโครงการ</source>
        <translation>Add project</translation>
    </message>
    <message>
        <location filename="../editing.py" line="583"/>
        <source>แก้ไขตำแหน่ง</source>
        <translation>Move points</translation>
    </message>
    <message>
        <location filename="../map_canvas.py" line="269"/>
        <source>เลื่อนแผนที่</source>
        <extracomment>Background of the map (the sea and neighbouring countries show through it). Milliseconds without a range change after which the view counts as settled and is rendered again. How many extents the previous/next history keeps. Smallest extent (map units, metres) zoom_to_bounds shows, so a point or a tiny feature is not a blur. How many times the item was rendered into its pixmap (tests and benchmarks read it). Model type -&gt; canvas item type (napari&apos;s layer_to_visual); a new layer type adds one entry. Stable name used by set_tool() and the actions. Thai title for actions and tooltips; mark it QT_TRANSLATE_NOOP(&quot;MapTools&quot;, ...) (MapTools translates it).</extracomment>
        <translation>Pan</translation>
    </message>
    <message>
        <location filename="../map_canvas.py" line="277"/>
        <source>ขยายด้วยกรอบ</source>
        <translation>Zoom to box</translation>
    </message>
</context>
<context>
    <name>PlaceSearch</name>
    <message>
        <location filename="../place_search.py" line="166"/>
        <source>ค้นหาสถานที่…</source>
        <extracomment>The boundary layers searched, largest first. How long a found place stays outlined (ms). Margin around a found place, as a fraction of its size on each side. At most this many places are offered. A level word or abbreviation glued to the previous name (&quot;ต.คอหงส์อ.หาดใหญ่&quot;): split the words there.</extracomment>
        <translation>Search place…</translation>
    </message>
    <message>
        <location filename="../place_search.py" line="167"/>
        <source>พิมพ์ชื่อตำบล อำเภอ หรือจังหวัด (ไทยหรืออังกฤษ)</source>
        <translation>Type a tambon, amphoe or changwat name (Thai or English)</translation>
    </message>
    <message>
        <location filename="../place_search.py" line="221"/>
        <source>ไม่พบสถานที่ &quot;{t}&quot;</source>
        <translation>Place &quot;{t}&quot; not found</translation>
    </message>
</context>
<context>
    <name>PlanCalendarView</name>
    <message>
        <location filename="../plan_calendar.py" line="96"/>
        <source>ทุกระดับ</source>
        <extracomment>Plans whose id is written on the y axis; with more rows every n-th is labelled.</extracomment>
        <translation>All levels</translation>
    </message>
    <message>
        <location filename="../plan_calendar.py" line="100"/>
        <source>ทุกประเภท</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../plan_calendar.py" line="109"/>
        <source>&lt;span style=&apos;color:{area}&apos;&gt;■&lt;/span&gt; แผนเชิงพื้นที่ &amp;nbsp; &lt;span style=&apos;color:{agenda}&apos;&gt;■&lt;/span&gt; แผนเชิงประเด็น &amp;nbsp; &lt;span style=&apos;color:{inside}&apos;&gt;●&lt;/span&gt; ปีงบประมาณของโครงการในช่วงแผน &amp;nbsp; &lt;span style=&apos;color:{outside}&apos;&gt;●&lt;/span&gt; นอกช่วงแผน (ขนาดตามงบประมาณ)</source>
        <translation>&lt;span style=&apos;color:{area}&apos;&gt;■&lt;/span&gt; Area plan &amp;nbsp; &lt;span style=&apos;color:{agenda}&apos;&gt;■&lt;/span&gt; Agenda plan &amp;nbsp; &lt;span style=&apos;color:{inside}&apos;&gt;●&lt;/span&gt; Project fiscal year within the plan period &amp;nbsp; &lt;span style=&apos;color:{outside}&apos;&gt;●&lt;/span&gt; Outside the plan period (size by budget)</translation>
    </message>
    <message>
        <location filename="../plan_calendar.py" line="123"/>
        <source>ปีงบประมาณ (พ.ศ.)</source>
        <translation>Fiscal year (B.E.)</translation>
    </message>
    <message>
        <location filename="../plan_calendar.py" line="211"/>
        <source>{plans} แผน · ปีงบประมาณที่มีโครงการ {years} จุด · นอกช่วงแผน {outside} จุด · คลิกแถวเพื่อดูพื้นที่ของแผน</source>
        <translation>{plans} plans · {years} project fiscal years · {outside} outside the plan period · click a row to see the plan&apos;s area</translation>
    </message>
    <message>
        <location filename="../plan_calendar.py" line="226"/>
        <source>{plan} {name} · ช่วงแผน {period} · โครงการตามปีงบประมาณ: {years}</source>
        <translation>{plan} {name} · plan period {period} · projects by fiscal year: {years}</translation>
    </message>
    <message>
        <location filename="../plan_calendar.py" line="254"/>
        <source>ปฏิทินแผน</source>
        <translation>Plan calendar</translation>
    </message>
    <message>
        <location filename="../plan_calendar.py" line="255"/>
        <source>ปฏิทินแผน…</source>
        <translation>Plan calendar…</translation>
    </message>
</context>
<context>
    <name>PlanChecksView</name>
    <message>
        <location filename="../plan_checks_view.py" line="123"/>
        <source>นับเฉพาะการเชื่อมกับแผนจังหวัด/กลุ่มจังหวัดโดยตรง</source>
        <extracomment>What a finding of each check points at on the map.</extracomment>
        <translation>Count only direct links to provincial/provincial-cluster plans</translation>
    </message>
    <message>
        <location filename="../plan_checks_view.py" line="124"/>
        <source>ไม่นับการเชื่อมผ่านแผนแม่ (--direct-only)</source>
        <translation>Ignore links through parent plans (--direct-only)</translation>
    </message>
    <message>
        <location filename="../plan_checks_view.py" line="126"/>
        <source>ขยายไปที่รายการ</source>
        <translation>Zoom to item</translation>
    </message>
    <message>
        <location filename="../plan_checks_view.py" line="128"/>
        <source>ส่งออก XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../plan_checks_view.py" line="168"/>
        <source>พบ {n} รายการจากการตรวจ {k} ข้อ</source>
        <translation>Found {n} items in {k} checks</translation>
    </message>
    <message>
        <location filename="../plan_checks_view.py" line="189"/>
        <source>กำลังตรวจ…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../plan_checks_view.py" line="189"/>
        <location filename="../plan_checks_view.py" line="298"/>
        <source>ตรวจความเชื่อมโยงแผน</source>
        <translation>Check plan links</translation>
    </message>
    <message>
        <location filename="../plan_checks_view.py" line="190"/>
        <source>ตรวจไม่ได้: {error}</source>
        <translation>Cannot check: {error}</translation>
    </message>
    <message>
        <location filename="../plan_checks_view.py" line="276"/>
        <source>ส่งออกผลตรวจความเชื่อมโยงแผน</source>
        <translation>Export plan-link check results</translation>
    </message>
    <message>
        <location filename="../plan_checks_view.py" line="290"/>
        <source>ส่งออกผลตรวจ</source>
        <translation>Export results</translation>
    </message>
    <message>
        <location filename="../plan_checks_view.py" line="290"/>
        <source>บันทึกผลตรวจที่ {path} แล้ว</source>
        <translation>Saved the results to {path}</translation>
    </message>
    <message>
        <location filename="../plan_checks_view.py" line="299"/>
        <source>ตรวจความเชื่อมโยงแผน…</source>
        <translation>Check plan links…</translation>
    </message>
</context>
<context>
    <name>PlanIndexService</name>
    <message>
        <location filename="../plan_links.py" line="471"/>
        <source>ดัชนีแผน</source>
        <extracomment>Name of the temporary layer that shows the areas of the chosen plan. Boundary layers an area can be picked from, by DOPA code length. Levels a user picks areas and colours plans at. At most this many projects are listed under one plan in the tree (the rest as one &quot;… more&quot; line). A plan with at most this many projects in the area shows them unfolded. Plans listed under a tambon in the identify panel. Fill of areas a plan covers but has no project in. Ramp and classes of the budget colours. Rows measured when a table fits its columns to their contents. Milliseconds after an edit before the index is built again. Which plans a chosen plan is shown with. the index was replaced (or dropped: ``index`` is None) (fraction, message) while building True while a build runs</extracomment>
        <translation>Plan index</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="471"/>
        <location filename="../plan_links.py" line="519"/>
        <source>กำลังสร้างดัชนีแผน…</source>
        <translation>Building the plan index…</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="494"/>
        <location filename="../plan_links.py" line="523"/>
        <source>สร้างดัชนีแผนไม่ได้: {error}</source>
        <translation>Cannot build the plan index: {error}</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="521"/>
        <source>เปิดพื้นที่ทำงานเพื่อดูแผน</source>
        <translation>Open a workspace to see plans</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="524"/>
        <source>ยังไม่ได้สร้างดัชนีแผน</source>
        <translation>Plan index not built yet</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="526"/>
        <source>แผน {plans} แผน · โครงการ {projects} โครงการ · การเชื่อมโยง {links} รายการ</source>
        <translation>{plans} plans · {projects} projects · {links} links</translation>
    </message>
</context>
<context>
    <name>PlanIndexView</name>
    <message>
        <location filename="../plan_index_view.py" line="122"/>
        <source>สมุดงาน Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../plan_index_view.py" line="129"/>
        <source>กำลังเขียน {name}…</source>
        <translation>Writing {name}…</translation>
    </message>
    <message>
        <location filename="../plan_index_view.py" line="137"/>
        <source>ส่งออก {name} แล้ว</source>
        <translation>Exported {name}</translation>
    </message>
    <message>
        <location filename="../plan_index_view.py" line="148"/>
        <source>ส่งออกไม่ได้: {error}</source>
        <translation>Cannot export: {error}</translation>
    </message>
</context>
<context>
    <name>PlanLinks</name>
    <message>
        <location filename="../plan_links.py" line="785"/>
        <location filename="../plan_links.py" line="1389"/>
        <source>ดูแผนในพื้นที่</source>
        <translation>Show plans in area</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1373"/>
        <source>แผนในพื้นที่</source>
        <translation>Plans in area</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1384"/>
        <source>แผนในพื้นที่ / พื้นที่ของแผน…</source>
        <translation>Plans in area / plan areas…</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1386"/>
        <source>คลิกพื้นที่เพื่อดูแผนและโครงการ หรือเลือกแผนเพื่อดูพื้นที่บนแผนที่ (Plans and areas)</source>
        <translation>Plans and areas</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1392"/>
        <source>คลิกพื้นที่บนแผนที่เพื่อดูแผนและโครงการที่เกี่ยวข้อง</source>
        <translation>Click an area on the map to see its plans and projects</translation>
    </message>
</context>
<context>
    <name>PlanLinksPanel</name>
    <message>
        <location filename="../plan_links.py" line="850"/>
        <source>สร้างดัชนีใหม่</source>
        <translation>Rebuild index</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="851"/>
        <source>อ่านแผน โครงการ และการเชื่อมโยงจากพื้นที่ทำงานอีกครั้ง</source>
        <translation>Reread plans, projects and links from the workspace</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="858"/>
        <source>คลิกพื้นที่บนแผนที่</source>
        <translation>Click an area on the map</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="860"/>
        <source>เลือกเครื่องมือแล้วคลิกพื้นที่บนแผนที่เพื่อดูแผนและโครงการ</source>
        <translation>Select the tool, then click an area on the map to see its plans and projects</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="864"/>
        <source>ระดับพื้นที่ที่คลิกเลือกและที่ใช้แสดงพื้นที่ของแผน</source>
        <translation>Area level for clicking and for showing plan areas</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="867"/>
        <source>รหัสหรือชื่อพื้นที่ เช่น 901104 หรือ คอหงส์</source>
        <translation>Area code or name, e.g. 901104 or Kho Hong</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="873"/>
        <location filename="../plan_links.py" line="1075"/>
        <source>คลิกพื้นที่บนแผนที่เพื่อดูแผนและโครงการที่เกี่ยวข้อง</source>
        <translation>Click an area on the map to see its plans and projects</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="878"/>
        <source>ระดับ / แผน / โครงการ</source>
        <translation>Level / plan / project</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="878"/>
        <location filename="../plan_links.py" line="1345"/>
        <source>ความเกี่ยวข้อง</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="878"/>
        <location filename="../plan_links.py" line="1346"/>
        <source>โครงการ</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="879"/>
        <location filename="../plan_links.py" line="1335"/>
        <source>งบประมาณในพื้นที่ (บาท)</source>
        <translation>Budget in area (baht)</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="898"/>
        <source>เลือกแผนเพื่อดูพื้นที่บนแผนที่</source>
        <translation>Choose a plan to see its area on the map</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="907"/>
        <source>ล้างแผนบนแผนที่</source>
        <translation>Clear plan from map</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="909"/>
        <source>ขยายไปที่แผน</source>
        <translation>Zoom to plan</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="910"/>
        <source>ขยายแผนที่ไปที่พื้นที่ของแผนเมื่อเลือกแผน</source>
        <translation>Zoom the map to the plan&apos;s area when a plan is chosen</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="967"/>
        <source>กำลังสร้างดัชนีแผน: {step}</source>
        <translation>Building the plan index: {step}</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1040"/>
        <source>ไม่พบพื้นที่ตรงตำแหน่งที่คลิก</source>
        <translation>No area at the clicked position</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1063"/>
        <source>กำลังสร้างดัชนีแผน กรุณารอสักครู่แล้วคลิกอีกครั้ง</source>
        <translation>Building the plan index; please wait a moment and click again</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1083"/>
        <source>แผนที่เกี่ยวข้อง {plans} แผน (มีโครงการในพื้นที่ {with_projects} แผน) · โครงการในพื้นที่ {projects} โครงการ งบประมาณ {budget} บาท · ไม่อยู่ในแผนใด {unplanned} โครงการ</source>
        <translation>{plans} related plans ({with_projects} with projects in the area) · {projects} projects in the area, budget {budget} baht · {unplanned} projects in no plan</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1106"/>
        <source>ไม่ระบุระดับ</source>
        <translation>No level</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1107"/>
        <source>{n} แผน</source>
        <translation>{n} plans</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1124"/>
        <source>ช่วงเวลา {period} · เจ้าของแผน {owner}</source>
        <translation>Period {period} · plan owner {owner}</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1128"/>
        <source>ที่มาของพื้นที่: {source}</source>
        <translation>Area source: {source}</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1136"/>
        <source>โครงการที่ไม่อยู่ในแผนใด</source>
        <translation>Projects in no plan</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1153"/>
        <source>ปีงบประมาณ {year}</source>
        <translation>Fiscal year {year}</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1159"/>
        <source>… และอีก {n} โครงการ</source>
        <translation>… and {n} more projects</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1271"/>
        <source>พื้นที่ของแผน {plan}</source>
        <translation>Area of plan {plan}</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1272"/>
        <source>กำลังหาพื้นที่ของแผน {plan}…</source>
        <translation>Finding the area of plan {plan}…</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1276"/>
        <source>พื้นที่ของแผน</source>
        <translation>Plan area</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1286"/>
        <source>แสดงพื้นที่ของแผนไม่ได้: {error}</source>
        <translation>Cannot show the plan area: {error}</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1317"/>
        <source>พื้นที่ครอบคลุม: {areas}{more} ({source})</source>
        <translation>Coverage: {areas}{more} ({source})</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1320"/>
        <source>แผนแม่: {chain}</source>
        <translation>Parent plans: {chain}</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1322"/>
        <source>รวมแผนย่อย: {plans}</source>
        <translation>Includes sub-plans: {plans}</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1324"/>
        <source>{level}ที่เกี่ยวข้อง {areas} แห่ง มีโครงการ {with_projects} แห่ง · โครงการ {projects} โครงการ (ระบุที่ตั้งได้ {located}) งบประมาณ {budget} บาท</source>
        <translation>{level}: {areas} related, {with_projects} with projects · {projects} projects ({located} located) · budget {budget} baht</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1329"/>
        <source>หมายเหตุ: {note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1334"/>
        <source>ครอบคลุม ไม่มีโครงการ</source>
        <translation>Covered, no projects</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1344"/>
        <source>รหัส</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1344"/>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../plan_links.py" line="1346"/>
        <source>งบประมาณ (บาท)</source>
        <translation>Budget (baht)</translation>
    </message>
</context>
<context>
    <name>PlanMatrixView</name>
    <message>
        <location filename="../plan_matrix_view.py" line="121"/>
        <source>งบประมาณ (บาท)</source>
        <extracomment>Heat-map colours (the workbook&apos;s colour scale) and the gap shades.</extracomment>
        <translation>Budget (baht)</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="121"/>
        <source>จำนวนโครงการ</source>
        <translation>Number of projects</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="122"/>
        <source>จำนวนแผนเชิงประเด็น</source>
        <translation>Number of agenda plans</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="126"/>
        <source>ตำบล</source>
        <translation>Subdistrict (tambon)</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="126"/>
        <location filename="../plan_matrix_view.py" line="211"/>
        <source>อำเภอ</source>
        <translation>District (amphoe)</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="126"/>
        <source>จังหวัด</source>
        <translation>Province (changwat)</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="130"/>
        <source>ทุกปีงบประมาณ</source>
        <translation>All fiscal years</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="133"/>
        <source>ค้นหาพื้นที่</source>
        <translation>Search areas</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="135"/>
        <source>ส่งออก XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="147"/>
        <source>&lt;span style=&apos;background:{pink}&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; มีแผนเชิงประเด็นแต่ไม่มีโครงการ &amp;nbsp; &lt;span style=&apos;background:{grey}&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; ไม่มีแผนและไม่มีโครงการ &amp;nbsp; &lt;span style=&apos;background:{red}&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; ค่ามาก</source>
        <translation>&lt;span style=&apos;background:{pink}&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; Agenda plan but no projects &amp;nbsp; &lt;span style=&apos;background:{grey}&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; No plan and no projects &amp;nbsp; &lt;span style=&apos;background:{red}&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; High value</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="192"/>
        <source>ปีงบประมาณ {year}</source>
        <translation>Fiscal year {year}</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="237"/>
        <source>กำลังคำนวณตาราง…</source>
        <translation>Calculating the table…</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="237"/>
        <location filename="../plan_matrix_view.py" line="291"/>
        <source>ตารางพื้นที่ × ประเด็น</source>
        <translation>Area × agenda table</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="238"/>
        <source>คำนวณตารางไม่ได้: {error}</source>
        <translation>Cannot calculate the table: {error}</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="211"/>
        <source>รหัส</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="211"/>
        <source>ชื่อพื้นที่</source>
        <translation>Area name</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="212"/>
        <source>ไม่ระบุประเด็น</source>
        <translation>No agenda</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="212"/>
        <source>รวม</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="213"/>
        <source>ช่องว่าง: มีแผนเชิงประเด็น {n} แผนแต่ไม่มีโครงการ</source>
        <translation>Gap: {n} agenda plans but no projects</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="214"/>
        <source>ช่องว่าง: ไม่มีแผนเชิงประเด็นและไม่มีโครงการ</source>
        <translation>Gap: no agenda plan and no projects</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="270"/>
        <source>ส่งออกตารางพื้นที่ × ประเด็น</source>
        <translation>Export area × agenda table</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="282"/>
        <source>ส่งออกตาราง</source>
        <translation>Export table</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="283"/>
        <source>บันทึกตารางที่ {path} แล้ว</source>
        <translation>Saved the table to {path}</translation>
    </message>
    <message>
        <location filename="../plan_matrix_view.py" line="292"/>
        <source>ตารางพื้นที่ × ประเด็น…</source>
        <translation>Area × agenda table…</translation>
    </message>
</context>
<context>
    <name>PlansMenu</name>
    <message>
        <location filename="../plans_menu.py" line="22"/>
        <source>แผน</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location filename="../plans_menu.py" line="86"/>
        <source>สร้างดัชนีแผนใหม่</source>
        <translation>Rebuild plan index</translation>
    </message>
    <message>
        <location filename="../plans_menu.py" line="88"/>
        <source>อ่านแผน โครงการ และการเชื่อมโยงจากพื้นที่ทำงานอีกครั้ง (Rebuild the plan index)</source>
        <translation>Rebuild the plan index</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../print_dialog.py" line="50"/>
        <source>พื้นที่ที่เลือก</source>
        <extracomment>Resolution of the preview image (screen pixels per inch of paper). Wait this long after the last change before painting the preview again.</extracomment>
        <translation>Selected area</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="51"/>
        <source>ทุกอำเภอ (สมุดแผนที่)</source>
        <translation>All districts (atlas)</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="52"/>
        <source>ทุกตำบล (สมุดแผนที่)</source>
        <translation>All tambons (atlas)</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="53"/>
        <source>จังหวัด → อำเภอ → ตำบล (รายงานซ้อนชั้น)</source>
        <translation>Province → district → tambon (nested report)</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="55"/>
        <source>ละติจูด/ลองจิจูด</source>
        <translation>Latitude/longitude</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="55"/>
        <source>ไม่แสดง</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="57"/>
        <source>อัตโนมัติ (ตำบล: รายการโครงการ, อื่น ๆ: สรุป)</source>
        <translation>Automatic (tambon: project list, others: summary)</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="58"/>
        <source>รายการโครงการ</source>
        <translation>Project list</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="59"/>
        <source>สรุปตามพื้นที่ย่อย</source>
        <translation>Summary by sub-area</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="60"/>
        <source>ไม่มีตาราง</source>
        <translation>No table</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="62"/>
        <source>PDF (เวกเตอร์)</source>
        <translation>PDF (vector)</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="62"/>
        <source>PNG (ภาพ)</source>
        <translation>PNG (image)</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="62"/>
        <source>SVG (เวกเตอร์)</source>
        <translation>SVG (vector)</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="95"/>
        <location filename="../print_dialog.py" line="386"/>
        <source>พิมพ์ภาคผนวกแผนที่</source>
        <translation>Print map annex</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="122"/>
        <source>เช่น projects &gt; 10</source>
        <translation>e.g. projects &gt; 10</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="124"/>
        <source>รหัส</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="124"/>
        <source>ชื่อ (ก–ฮ)</source>
        <translation>Name (A–Z)</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="124"/>
        <source>จำนวนโครงการ (มากไปน้อย)</source>
        <translation>Number of projects (most first)</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="125"/>
        <source>งบประมาณ (มากไปน้อย)</source>
        <translation>Budget (highest first)</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="129"/>
        <source>แนวนอน</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="139"/>
        <source>พอดีกับพื้นที่</source>
        <translation>Fit to area</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="141"/>
        <source>ใช้เลขไทย</source>
        <translation>Use Thai numerals</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="150"/>
        <source>หนึ่งไฟล์ต่อพื้นที่</source>
        <translation>One file per area</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="151"/>
        <source>แม่แบบ</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="152"/>
        <source>พิมพ์</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="153"/>
        <source>พื้นที่</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="154"/>
        <source>ตัวกรอง</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="155"/>
        <source>เรียงตาม</source>
        <translation>Sort by</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="156"/>
        <source>กระดาษ</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="158"/>
        <source>มาตราส่วน</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="159"/>
        <source>เส้นกริด</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="160"/>
        <source>ตาราง</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="162"/>
        <source>ชื่อเรื่อง</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="163"/>
        <source>ชื่อรอง</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="164"/>
        <source>รูปแบบไฟล์</source>
        <translation>File format</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="165"/>
        <source>ความละเอียด</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="170"/>
        <source>บันทึกเป็นแม่แบบ…</source>
        <translation>Save as template…</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="200"/>
        <source>ส่งออก…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="202"/>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="236"/>
        <source>{name} (บันทึกไว้)</source>
        <translation>{name} (saved)</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="319"/>
        <source>ยังไม่ได้เปิดพื้นที่ทำงาน</source>
        <translation>No workspace open</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="337"/>
        <source>แสดงตัวอย่างไม่ได้</source>
        <translation>Cannot show the preview</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="341"/>
        <source>{area}: หน้า {n}/{count} ({areas} พื้นที่)</source>
        <translation>{area}: page {n}/{count} ({areas} areas)</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="361"/>
        <source>บันทึกแม่แบบ</source>
        <translation>Save template</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="361"/>
        <source>ชื่อแม่แบบ</source>
        <translation>Template name</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="366"/>
        <source>บันทึกแม่แบบไม่ได้</source>
        <translation>Cannot save the template</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="371"/>
        <source>ส่งออกภาคผนวกแผนที่</source>
        <translation>Export map annex</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="383"/>
        <source>พิมพ์ไม่ได้</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="386"/>
        <source>กำลังพิมพ์…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="392"/>
        <source>พิมพ์แล้ว {pages} หน้า: {path}</source>
        <translation>Printed {pages} pages: {path}</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="399"/>
        <source>ยกเลิกการพิมพ์แล้ว ไม่มีไฟล์ถูกเขียน</source>
        <translation>Printing cancelled; no file was written</translation>
    </message>
    <message>
        <location filename="../print_dialog.py" line="408"/>
        <source>พิมพ์ภาคผนวกแผนที่…</source>
        <translation>Print map annex…</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../editing.py" line="485"/>
        <source>เพิ่มโครงการ</source>
        <translation>Add project</translation>
    </message>
    <message>
        <location filename="../editing.py" line="493"/>
        <source>พ.ศ. เช่น 2569</source>
        <translation>Buddhist Era year, e.g. 2569</translation>
    </message>
    <message>
        <location filename="../editing.py" line="495"/>
        <source>บาท เช่น 1,500,000 หรือ 1.5 ล้าน</source>
        <translation>Baht, e.g. 1,500,000 or 1.5 ล้าน</translation>
    </message>
    <message>
        <location filename="../editing.py" line="499"/>
        <source>ตำบลรหัส {code}</source>
        <translation>Tambon code {code}</translation>
    </message>
    <message>
        <location filename="../editing.py" line="499"/>
        <source>นอกตำบลในพื้นที่ทำงาน</source>
        <translation>Outside the tambons of the workspace</translation>
    </message>
    <message>
        <location filename="../editing.py" line="500"/>
        <source>ตำแหน่ง</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../editing.py" line="501"/>
        <source>รหัสโครงการ</source>
        <translation>Project ID</translation>
    </message>
    <message>
        <location filename="../editing.py" line="501"/>
        <source>ชื่อโครงการ</source>
        <translation>Project title</translation>
    </message>
    <message>
        <location filename="../editing.py" line="502"/>
        <source>ช่องทาง</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../editing.py" line="502"/>
        <source>ปีงบประมาณ</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../editing.py" line="503"/>
        <source>งบประมาณ</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../editing.py" line="503"/>
        <source>ประเด็น</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../editing.py" line="504"/>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../editing.py" line="504"/>
        <source>หน่วยงาน</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../editing.py" line="510"/>
        <source>เพิ่ม</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../editing.py" line="511"/>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../editing.py" line="522"/>
        <source>(ไม่ระบุ)</source>
        <translation>(not given)</translation>
    </message>
</context>
<context>
    <name>RasterView</name>
    <message>
        <location filename="../raster_view.py" line="87"/>
        <source>เพิ่มแผนที่ฐาน (MBTiles/โฟลเดอร์ XYZ)…</source>
        <extracomment>Layers a raster is drawn above (the filled boundary layers), when present.</extracomment>
        <translation>Add basemap (MBTiles/XYZ folder)…</translation>
    </message>
    <message>
        <location filename="../raster_view.py" line="139"/>
        <source>เพิ่มแผนที่ฐาน</source>
        <translation>Add basemap</translation>
    </message>
    <message>
        <location filename="../raster_view.py" line="141"/>
        <source>MBTiles (*.mbtiles);;ไทล์ในโฟลเดอร์ XYZ {z}/{x}/{y} (*.png *.jpg *.jpeg *.webp)</source>
        <translation>MBTiles (*.mbtiles);;XYZ tile folder {z}/{x}/{y} (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <location filename="../raster_view.py" line="153"/>
        <source>เพิ่มแผนที่ฐานไม่ได้</source>
        <translation>Cannot add the basemap</translation>
    </message>
</context>
<context>
    <name>StyleEditor</name>
    <message>
        <location filename="../style_editor.py" line="55"/>
        <source>สัญลักษณ์เดียว</source>
        <translation>Single symbol</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="56"/>
        <source>แยกตามหมวด</source>
        <translation>Categorised</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="57"/>
        <source>ไล่ระดับตามค่า</source>
        <translation>Graduated</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="60"/>
        <source>วงกลม</source>
        <translation>Circle</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="61"/>
        <source>สี่เหลี่ยม</source>
        <translation>Square</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="62"/>
        <source>สามเหลี่ยม</source>
        <translation>Triangle</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="63"/>
        <source>ข้าวหลามตัด</source>
        <translation>Diamond</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="67"/>
        <source>ช่องทางงบประมาณ</source>
        <extracomment>Thai names of the fields people usually style by (others show their column name).</extracomment>
        <translation>Budget channel</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="68"/>
        <source>ประเด็นการพัฒนา</source>
        <translation>Development agenda</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="69"/>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="70"/>
        <source>ปีงบประมาณ</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="71"/>
        <source>งบประมาณ</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="72"/>
        <source>หน่วยงาน</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="73"/>
        <source>รหัสตำบล</source>
        <translation>Tambon code</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="74"/>
        <source>รหัสหน่วยเหนือ</source>
        <translation>Parent code</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="75"/>
        <source>ชื่อ (ไทย)</source>
        <translation>Name (Thai)</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="76"/>
        <source>ชื่อ (อังกฤษ)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="77"/>
        <source>ชื่อโครงการ</source>
        <translation>Project title</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="78"/>
        <source>รหัส</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="79"/>
        <source>ระดับ</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="80"/>
        <source>ระดับ (ข้อความ)</source>
        <translation>Class (label)</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="81"/>
        <source>ภัย</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="82"/>
        <source>ความลึก</source>
        <translation>Depth</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="83"/>
        <source>ความถี่</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="87"/>
        <source>ช่วงเท่ากัน</source>
        <extracomment>The Thai names of layers.style.METHODS and RAMPS, as literals lupdate can see.</extracomment>
        <translation>Equal interval</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="88"/>
        <source>ควอนไทล์ (จำนวนเท่ากัน)</source>
        <translation>Quantile (equal count)</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="89"/>
        <source>แบ่งตามธรรมชาติ (Jenks)</source>
        <translation>Natural breaks (Jenks)</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="92"/>
        <source>เหลือง-ส้ม-แดง</source>
        <translation>Yellow-orange-red</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="93"/>
        <source>ฟ้า</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="94"/>
        <source>เขียว</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="95"/>
        <source>ม่วง</source>
        <translation>Purple</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="96"/>
        <source>วิริดิส</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="97"/>
        <source>แดง-เหลือง-เขียว</source>
        <translation>Red-yellow-green</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="98"/>
        <source>แดง-ฟ้า</source>
        <translation>Red-blue</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="99"/>
        <source>น้ำตาล-เขียวน้ำทะเล</source>
        <translation>Brown-blue-green</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="102"/>
        <source>ต่อเนื่อง</source>
        <extracomment>The kinds of colour ramps.</extracomment>
        <translation>sequential</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="102"/>
        <source>สองขั้ว</source>
        <translation>diverging</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="174"/>
        <source>รูปแบบ — {title}</source>
        <extracomment>Emitted after the dialog set a new style/labels/opacity on the layer.</extracomment>
        <translation>Style — {title}</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="184"/>
        <source>สัญลักษณ์</source>
        <translation>Symbology</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="185"/>
        <source>ป้ายชื่อ</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="190"/>
        <source>ตกลง</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="191"/>
        <source>นำไปใช้</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="192"/>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="212"/>
        <source>แบบการแสดง</source>
        <translation>Renderer</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="214"/>
        <source>ไม่ระบายสี</source>
        <translation>No fill</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="218"/>
        <source>สีพื้น (อื่น ๆ)</source>
        <translation>Fill colour (others)</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="220"/>
        <source>ไม่มีเส้นขอบ</source>
        <translation>No outline</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="224"/>
        <source>สีเส้นขอบ</source>
        <translation>Outline colour</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="229"/>
        <source>ความหนาเส้น</source>
        <translation>Line width</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="233"/>
        <source>ขนาดจุด</source>
        <translation>Point size</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="237"/>
        <source>สัญลักษณ์จุด</source>
        <translation>Point symbol</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="240"/>
        <source>ความทึบ</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="249"/>
        <source>คอลัมน์</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="251"/>
        <source>สีอัตโนมัติ</source>
        <translation>Automatic colours</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="254"/>
        <location filename="../style_editor.py" line="274"/>
        <source>ชุดสี</source>
        <translation>Colour ramp</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="260"/>
        <source>คอลัมน์ตัวเลข</source>
        <translation>Numeric field</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="265"/>
        <source>วิธีแบ่งชั้น</source>
        <translation>Classification method</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="269"/>
        <source>จำนวนชั้น</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="275"/>
        <source>กลับลำดับสี</source>
        <translation>Reverse colours</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="280"/>
        <source>ดับเบิลคลิกเพื่อเปลี่ยนสีของหมวดหรือชั้น</source>
        <translation>Double-click to change the colour of a category or class</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="289"/>
        <source>คำอธิบายสัญลักษณ์</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="309"/>
        <source>แสดงป้ายชื่อ</source>
        <translation>Show labels</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="312"/>
        <source>คอลัมน์ข้อความ</source>
        <translation>Text field</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="316"/>
        <source>ขนาดตัวอักษร</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="318"/>
        <source>สีตัวอักษร</source>
        <translation>Text colour</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="319"/>
        <source>ตัวหนา</source>
        <translation>Bold</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="322"/>
        <source>ไม่มีขอบตัวอักษร</source>
        <translation>No halo</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="326"/>
        <source>สีขอบตัวอักษร (halo)</source>
        <translation>Halo colour</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="331"/>
        <source>ความกว้างขอบตัวอักษร</source>
        <translation>Halo width</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="335"/>
        <source>ตัวอย่าง</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="480"/>
        <source>เลือกสี</source>
        <translation>Choose colour</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="541"/>
        <source>รูปแบบไม่ถูกต้อง</source>
        <translation>Invalid style</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <location filename="../flood_thresholds.py" line="60"/>
        <source>เกณฑ์ระดับความเสี่ยง (Class thresholds): {name}</source>
        <translation>Class thresholds: {name}</translation>
    </message>
    <message>
        <location filename="../flood_thresholds.py" line="63"/>
        <source>ค่ารหัสในข้อมูลที่ ≥ &quot;ตั้งแต่&quot; และ &lt; &quot;ถึง&quot; จัดเป็นระดับนั้น ค่าที่ต่ำกว่าระดับแรกคือไม่เสี่ยง (codes in the data from &quot;from&quot; up to &quot;to&quot; map to the class)</source>
        <translation>Codes in the data from &quot;from&quot; up to (not including) &quot;to&quot; map to the class; codes below the first class are no risk</translation>
    </message>
    <message>
        <location filename="../flood_thresholds.py" line="66"/>
        <source>ค่า ≥ &quot;ตั้งแต่&quot; และ &lt; &quot;ถึง&quot; ({unit}) จัดเป็นระดับนั้น ค่าที่ต่ำกว่าระดับแรกคือไม่ท่วม (values from &quot;from&quot; up to &quot;to&quot;, in {unit_en}, are in the class)</source>
        <translation>Values from &quot;from&quot; up to (not including) &quot;to&quot;, in {unit_en}, are in the class; values below the first class are dry</translation>
    </message>
    <message>
        <location filename="../flood_thresholds.py" line="74"/>
        <source>ใช้</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../flood_thresholds.py" line="74"/>
        <source>ระดับ</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../flood_thresholds.py" line="74"/>
        <source>ชื่อ (ไทย)</source>
        <translation>Name (Thai)</translation>
    </message>
    <message>
        <location filename="../flood_thresholds.py" line="74"/>
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <location filename="../flood_thresholds.py" line="75"/>
        <source>ตั้งแต่ ≥ ({unit})</source>
        <translation>From ≥ ({unit})</translation>
    </message>
    <message>
        <location filename="../flood_thresholds.py" line="75"/>
        <source>ถึง &lt; ({unit})</source>
        <translation>To &lt; ({unit})</translation>
    </message>
    <message>
        <location filename="../flood_thresholds.py" line="92"/>
        <source>คืนค่าเริ่มต้น (Restore defaults)</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <location filename="../flood_thresholds.py" line="96"/>
        <source>บันทึกและวิเคราะห์ใหม่</source>
        <translation>Save and run again</translation>
    </message>
    <message>
        <location filename="../flood_thresholds.py" line="97"/>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../flood_thresholds.py" line="192"/>
        <source>เกณฑ์ของระดับ {name} ไม่ใช่ตัวเลข: {text!r} (the bound of class {en} is not a number)</source>
        <translation>The bound of class {en} is not a number: {text!r}</translation>
    </message>
</context>
<context>
    <name>WebMapExport</name>
    <message>
        <location filename="../webmap_action.py" line="40"/>
        <source>ส่งออกแผนที่เว็บ…</source>
        <translation>Export web map…</translation>
    </message>
    <message>
        <location filename="../webmap_action.py" line="42"/>
        <source>แผนที่ที่เปิดได้ในเบราว์เซอร์ทุกเครื่องโดยไม่ต้องใช้อินเทอร์เน็ต</source>
        <translation>A map that opens in any browser without internet</translation>
    </message>
    <message>
        <location filename="../webmap_action.py" line="49"/>
        <source>หน้าเว็บพร้อมโฟลเดอร์ไฟล์ประกอบ (*.html)</source>
        <translation>Web page with a folder of files (*.html)</translation>
    </message>
    <message>
        <location filename="../webmap_action.py" line="49"/>
        <source>หน้าเว็บไฟล์เดียว (*.html)</source>
        <translation>Single-file web page (*.html)</translation>
    </message>
    <message>
        <location filename="../webmap_action.py" line="66"/>
        <location filename="../webmap_action.py" line="87"/>
        <location filename="../webmap_action.py" line="95"/>
        <source>ส่งออกแผนที่เว็บ</source>
        <translation>Export web map</translation>
    </message>
    <message>
        <location filename="../webmap_action.py" line="87"/>
        <source>กำลังเตรียมแผนที่เว็บ…</source>
        <translation>Preparing the web map…</translation>
    </message>
    <message>
        <location filename="../webmap_action.py" line="94"/>
        <source>เขียนแผนที่เว็บ {path} แล้ว</source>
        <translation>Wrote web map {path}</translation>
    </message>
    <message>
        <location filename="../webmap_action.py" line="96"/>
        <source>เขียนแผนที่เว็บแล้ว เปิดได้ในเบราว์เซอร์โดยไม่ต้องใช้อินเทอร์เน็ต</source>
        <translation>Web map written; it opens in a browser without internet</translation>
    </message>
    <message>
        <location filename="../webmap_action.py" line="99"/>
        <source>ต้องคัดลอกโฟลเดอร์ {folder} ไปพร้อมกับหน้าเว็บ</source>
        <translation>Copy the folder {folder} along with the web page</translation>
    </message>
    <message>
        <location filename="../webmap_action.py" line="100"/>
        <source>โครงการ {n} จุด โครงการที่อาจซ้ำซ้อน {pairs} คู่</source>
        <translation>{n} projects, {pairs} possibly duplicate pairs</translation>
    </message>
    <message>
        <location filename="../webmap_action.py" line="103"/>
        <source>เปิดในเบราว์เซอร์</source>
        <translation>Open in browser</translation>
    </message>
    <message>
        <location filename="../webmap_action.py" line="104"/>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../webmap_action.py" line="116"/>
        <source>ยกเลิกการส่งออกแผนที่เว็บแล้ว</source>
        <translation>Web map export cancelled</translation>
    </message>
    <message>
        <location filename="../webmap_action.py" line="119"/>
        <source>ส่งออกแผนที่เว็บไม่ได้</source>
        <translation>Cannot export the web map</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <location filename="../workbench.py" line="45"/>
        <source>ตรวจหาเองจากไฟล์ (อัตโนมัติ)</source>
        <extracomment>The kinds offered in the dialog; &quot;auto&quot; lets areaplan guess from the file.</extracomment>
        <translation>Detect from the file (automatic)</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="46"/>
        <source>โครงการ</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="47"/>
        <source>แผน</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="48"/>
        <source>ขอบเขตการปกครอง</source>
        <translation>Administrative boundaries</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="49"/>
        <source>พื้นที่เสี่ยงภัย (น้ำท่วม)</source>
        <translation>Hazard areas (flood)</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="50"/>
        <source>ตัวชี้วัดรายพื้นที่ (ความจำเป็น)</source>
        <translation>Area indicators (need)</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="63"/>
        <source>ข้อมูลที่นำเข้าได้ ({patterns});;ทุกไฟล์ (*)</source>
        <translation>Importable data ({patterns});;All files (*)</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="174"/>
        <source>กำลังอ่านชั้นข้อมูลใหม่</source>
        <extracomment>Rows per read when the worker reads a layer back (bounds how long one C call holds the GIL). CSV rows per import chunk in the GUI: small enough that no single vectorised step stalls the UI thread.</extracomment>
        <translation>Reading the layers again</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="193"/>
        <location filename="../workbench.py" line="326"/>
        <source>นำเข้าข้อมูล</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="197"/>
        <source>เพิ่มไฟล์…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="199"/>
        <source>เอาออก</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="205"/>
        <source>นำเข้า</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="206"/>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="218"/>
        <source>ชนิดข้อมูล:</source>
        <translation>Data kind:</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="248"/>
        <source>เลือกไฟล์ที่จะนำเข้า</source>
        <translation>Choose files to import</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="269"/>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="286"/>
        <source>นำเข้าข้อมูล…</source>
        <translation>Import data…</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="289"/>
        <source>นำเข้าโครงการ แผน ขอบเขต หรือพื้นที่เสี่ยงภัยจากไฟล์ (Import data)</source>
        <translation>Import projects, plans, boundaries or hazard areas from files</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="327"/>
        <source>กำลังนำเข้า {names}</source>
        <translation>Importing {names}</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="352"/>
        <source>ผลการนำเข้า</source>
        <translation>Import report</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="353"/>
        <source>นำเข้าเสร็จ {n} ไฟล์</source>
        <translation>Imported {n} file(s)</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="364"/>
        <source>ยกเลิกการนำเข้าแล้ว ไฟล์ที่กำลังนำเข้าไม่ถูกบันทึก</source>
        <translation>Import cancelled; nothing of the file being imported was saved</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="367"/>
        <source>ยกเลิกการนำเข้า</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="367"/>
        <source>ไฟล์ที่นำเข้าเสร็จก่อนยกเลิก:</source>
        <translation>Files imported before the cancel:</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="373"/>
        <source>นำเข้าไม่สำเร็จ</source>
        <translation>Import failed</translation>
    </message>
</context>
</TS>
